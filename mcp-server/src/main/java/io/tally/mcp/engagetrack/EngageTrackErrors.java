package io.tally.mcp.engagetrack;

import io.tally.core.ApiException;
import io.tally.core.AuthenticationException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.StandardErrorTranslator;

/**
 * EngageTrack SDK exceptions as tool errors an assistant can act on: the scope the key lacks, the plan that has
 * no API access, when the rate limit resets.
 */
final class EngageTrackErrors extends StandardErrorTranslator {
    EngageTrackErrors(String baseUrl) {
        super("EngageTrack", baseUrl, "--engagetrack-url");
    }

    @Override
    protected String unauthorized(String tool, AuthenticationException error, Arguments args) {
        return "EngageTrack answered 401 (" + serverText(error, "Invalid or expired API key") + "): the API key is "
                + "unknown, revoked or expired. Create a new key in EngageTrack (Settings > API Keys) and send it as "
                + "'Authorization: Bearer et_live_...'.";
    }

    @Override
    protected String forbidden(String tool, PermissionDeniedException error, Arguments args) {
        if (error.missingScope().isPresent()) {
            String scope = error.missingScope().get();
            return "EngageTrack answered 403: the API key lacks the scope " + scope + ", which " + tool + " needs. "
                    + "Create a key that includes " + scope + " (Settings > API Keys; write scopes do not imply read "
                    + "scopes) and use it instead.";
        }
        return "EngageTrack answered 403 (" + serverText(error, "Forbidden") + "): the key may not do this; check the "
                + "organisation id (X-EngageTrack-Org-Id) and the key's scopes.";
    }

    @Override
    protected String rateLimited(String tool, RateLimitException error, Arguments args) {
        return "EngageTrack rate limited the request (429: " + serverText(error, "Rate limit exceeded")
                + "); EngageTrack allows 600 analytics requests a minute per API key. Retry "
                + error.retryAfter().map(d -> "in " + Math.max(1, d.toSeconds()) + " s").orElse("in a minute") + ".";
    }

    @Override
    protected String otherStatus(String tool, ApiException error, Arguments args) {
        if (error.statusCode() == 402) {
            return "EngageTrack answered 402 (" + serverText(error, "Payment required")
                    + "): the organisation is on the "
                    + "Maker plan, which has no API access. Upgrade to Startup or higher to use these tools.";
        }
        return super.otherStatus(tool, error, args);
    }
}
