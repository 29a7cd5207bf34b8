package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * The mail transport's configuration (the password is never sent, only whether it is set).
 *
 * @param username the user name, masked by HitKeep
 */
public record SystemMailStatus(boolean configured, String driver, String host, int port, String encryption,
        String fromAddress, String fromName, String username, boolean passwordSet,
        Instant lastTestAt, boolean lastTestOk) {}
