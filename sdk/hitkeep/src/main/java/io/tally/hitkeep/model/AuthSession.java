package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The current dashboard session's timing, from {@code GET /api/auth/session} and the session extension.
 *
 * @param issuedAt when the current {@code hk_token} was issued
 * @param expiresAt when it expires
 * @param durationSeconds its lifetime in seconds (15 minutes unless the instance changed it)
 * @param warningSeconds how long before expiry the dashboard warns
 * @param extendable whether {@code auth().extendSession()} can renew it
 * @param timingAdjustable whether the user may change the session length
 * @param remembered whether a remember-me cookie backs the session
 * @param rememberExpiresAt when the remember-me cookie expires, or {@code null}
 * @param rememberMeDurationDays the remember-me lifetime in days
 */
public record AuthSession(
        Instant issuedAt,
        Instant expiresAt,
        long durationSeconds,
        long warningSeconds,
        boolean extendable,
        boolean timingAdjustable,
        boolean remembered,
        @Nullable Instant rememberExpiresAt,
        int rememberMeDurationDays) {}
