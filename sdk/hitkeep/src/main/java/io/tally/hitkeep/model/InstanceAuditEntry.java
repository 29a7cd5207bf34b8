package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * One instance audit-log entry: who did what to which target, with what outcome.
 *
 * @param action  e.g. {@code api_client.created}, {@code system.spam_filter_refreshed}
 * @param outcome e.g. {@code success}, {@code failure}
 * @param details free text
 */
public record InstanceAuditEntry(String id, String action, String actorId, String actorEmailSnapshot,
        String actorRoleSnapshot, String targetType, String targetId, String targetLabel,
        String targetUserId, String teamId, String outcome, String details, String ipAddress,
        String ipCountryCode, String userAgent, String requestId, Instant createdAt) {}
