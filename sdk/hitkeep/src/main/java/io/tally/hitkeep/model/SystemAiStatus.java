package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * The AI gateway's state, without secrets or payloads.
 *
 * @param status     {@code disabled}, {@code not_configured}, {@code configured}, {@code budget_exhausted} or {@code needs_attention}
 * @param configMode {@code cloud_managed} or {@code self_hosted}
 */
public record SystemAiStatus(String status, boolean enabled, boolean configured, String configMode, String provider,
        String model, String region, boolean baseUrlConfigured, boolean budgetExhausted,
        int budgetWindowMinutes, long requestLimit, long requestsUsed, long tokenLimit, long tokensUsed,
        Instant lastAttemptAt, Instant lastSuccessAt, String lastErrorCategory) {}
