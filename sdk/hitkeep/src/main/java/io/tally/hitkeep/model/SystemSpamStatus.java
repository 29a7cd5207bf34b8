package io.tally.hitkeep.model;

import java.time.Instant;

/** The referrer spam list. */
public record SystemSpamStatus(String dbPath, int ruleCount, boolean autoUpdate, Instant lastRefresh,
        String lastError) {}
