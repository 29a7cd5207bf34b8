package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a team's audit log.
 *
 * @param id the entry id
 * @param teamId the team id
 * @param action what happened, e.g. {@code member.invited}
 * @param outcome {@code success} or {@code failure}
 * @param actorUserId who did it
 * @param actorEmail their e-mail address
 * @param actorEmailSnapshot their e-mail address at the time
 * @param actorRoleSnapshot their role at the time
 * @param targetType what kind of thing was acted on
 * @param targetId its id
 * @param targetLabel its label
 * @param targetUserId the user acted on, or {@code null}
 * @param targetEmail that user's e-mail address, or {@code null}
 * @param details more details (often JSON), or {@code null}
 * @param ipAddress the actor's IP address
 * @param ipCountryCode that address's country
 * @param userAgent the actor's user agent
 * @param requestId the request id
 * @param createdAt when it happened
 */
public record TeamAuditEntry(
        String id,
        String teamId,
        String action,
        String outcome,
        String actorUserId,
        String actorEmail,
        String actorEmailSnapshot,
        String actorRoleSnapshot,
        String targetType,
        String targetId,
        String targetLabel,
        @Nullable String targetUserId,
        @Nullable String targetEmail,
        @Nullable String details,
        String ipAddress,
        String ipCountryCode,
        String userAgent,
        String requestId,
        Instant createdAt) {}
