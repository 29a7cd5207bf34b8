package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A team's Google Search Console connection.
 *
 * @param status                 {@code connected}, {@code disconnected} or {@code credentials_missing}
 * @param configured             whether the instance has Google OAuth credentials
 * @param credentialStatus       {@code configured} or {@code missing}
 * @param connectedAccountLabel  the Google account connected, or {@code null}
 * @param needsAdminAction       whether an instance admin must act (e.g. add credentials)
 * @param managedCredentialsMode {@code managed} (HitKeep Cloud) or {@code self_hosted}
 */
public record SearchConsoleTeamStatus(String status, boolean configured, boolean connected, String credentialStatus,
        @Nullable String connectedAccountLabel, Instant lastConnectedAt, Instant lastDisconnectedAt,
        boolean needsAdminAction, boolean canManage, String managedCredentialsMode) {}
