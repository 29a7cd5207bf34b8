package io.tally.hitkeep.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.PermissionDeniedException;
import io.tally.core.spi.ErrorDecoder;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ErrorResponse;
import io.tally.core.json.TallyJson;
import org.jspecify.annotations.Nullable;

/**
 * HitKeep errors: almost always {@code text/plain} with a one-line message ({@code Access denied\n});
 * a few JSON shapes ({@code {"status":"error","code","message"}}, {@code {message}}). Adds hints for
 * HitKeep's confusing cases: 403 {@code Access denied} (no site grant), 404 on writes (missing
 * {@code Origin}), 401 for team tokens on user-bound routes. A 403 gets a typed
 * {@link PermissionDeniedException#reason()}.
 */
public final class HitKeepErrorDecoder implements ErrorDecoder {
    @Override
    public ErrorDetails decode(ErrorResponse response) {
        String body = response.body() == null ? "" : response.body().trim();
        ErrorDetails.Builder b = ErrorDetails.builder();
        String message = body;
        if (response.looksLikeJson()) {
            JsonNode root = TallyJson.readTreeOrNull(body);
            if (root != null && root.isObject()) {
                message = root.path("message").asText(root.path("error").asText(""));
                if (root.hasNonNull("code")) {
                    b.errorCode(root.get("code").asText());
                }
            }
        } else {
            int nl = message.indexOf('\n');
            if (nl >= 0) {
                message = message.substring(0, nl).trim();
            }
        }
        b.message(message);
        b.hint(hint(response, message));
        if (response.statusCode() == 403) {
            b.denialReason(denialReason(message));
        }
        return b.build();
    }

    /** HitKeep's 403 texts: {@code Access denied} (no grant), {@code Forbidden} (role too low), plan limits. */
    static PermissionDeniedException.Reason denialReason(@Nullable String message) {
        if ("Access denied".equalsIgnoreCase(message)) {
            return PermissionDeniedException.Reason.NO_GRANT;
        }
        if ("Forbidden".equalsIgnoreCase(message)) {
            return PermissionDeniedException.Reason.ROLE_TOO_LOW;
        }
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("limit reached")) {
            return PermissionDeniedException.Reason.PLAN_LIMIT;
        }
        return PermissionDeniedException.Reason.UNKNOWN;
    }

    private static @Nullable String hint(ErrorResponse response, String message) {
        int status = response.statusCode();
        switch (status) {
            case 401:
                return "The token is unknown, revoked or expired, or the route needs a session login; "
                        + "team API clients also get 401 on some user-bound routes (stats, hits, exports): use a personal client";
            case 403:
                switch (denialReason(message)) {
                    case NO_GRANT:
                        return "The API client has no grant for this site (or the team capability is missing); "
                                + "add a site role for it under Settings → API Clients";
                    case ROLE_TOO_LOW:
                        return "The client's role on this site lacks the permission (e.g. site.view, site.manage_data); "
                                + "grant a higher role";
                    case PLAN_LIMIT:
                        return "The plan's limit is reached; upgrade the plan or remove unused items";
                    default:
                        return null;
                }
            case 404:
                if (!response.isWrite()) {
                    return "Check the ids in the path and that these credentials can see the resource";
                }
                return "Check the ids; for a write, HitKeep up to 2.11 also answers 404 when the Origin header does not match "
                        + "its public URL (Tally sends it unless originHeader(false) was set)";
            case 429:
                if (response.headers().first("retry-after").isPresent()
                        || response.headers().first("x-ratelimit-reset").isPresent()) {
                    return "HitKeep rate-limits per client IP (default 10 req/s, burst 20; ingest 20 req/s); "
                            + "wait as long as it asked (RateLimitException.retryAfter()) or set a client-side rateLimit";
                }
                return "HitKeep rate-limits per client IP (default 10 req/s, burst 20; ingest 20 req/s) and sent no hint; "
                        + "slow down or set a client-side rateLimit";
            default:
                return null;
        }
    }
}
