package io.tally.hitkeep.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ErrorDecoder;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ErrorResponse;
import io.tally.core.json.TallyJson;

/**
 * HitKeep errors: almost always {@code text/plain} with a one-line message ({@code Access denied\n});
 * a few JSON shapes ({@code {"status":"error","code","message"}}, {@code {message}}). Adds hints for
 * HitKeep's confusing cases: 403 {@code Access denied} (no site grant), 404 on writes (missing
 * {@code Origin}), 401 for team tokens on user-bound routes.
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
        b.hint(hint(response.statusCode(), message));
        return b.build();
    }

    private static String hint(int status, String message) {
        switch (status) {
            case 401:
                return "The token is unknown, revoked or expired, or the route needs a session login; "
                        + "team API clients also get 401 on some user-bound routes (stats, hits, exports): use a personal client";
            case 403:
                if ("Access denied".equalsIgnoreCase(message)) {
                    return "The API client has no grant for this site (or the team capability is missing); "
                            + "add a site role for it under Settings → API Clients";
                }
                if ("Forbidden".equalsIgnoreCase(message)) {
                    return "The client's role on this site lacks the permission (e.g. site.view, site.manage_data); "
                            + "grant a higher role";
                }
                if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("limit reached")) {
                    return "The plan's limit is reached; upgrade the plan or remove unused items";
                }
                return null;
            case 404:
                return "Check the ids; for a write, HitKeep up to 2.11 also answers 404 when the Origin header does not match "
                        + "its public URL (Tally sends it unless originHeader(false) was set)";
            case 429:
                return "HitKeep rate-limits per client IP (default 10 req/s, burst 20; ingest 20 req/s) and sends no hint; "
                        + "slow down or set a client-side rateLimit";
            default:
                return null;
        }
    }
}
