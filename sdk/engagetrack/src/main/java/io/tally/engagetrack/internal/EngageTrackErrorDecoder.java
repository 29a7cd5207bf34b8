package io.tally.engagetrack.internal;

import io.tally.core.PermissionDeniedException;
import io.tally.core.spi.ErrorDecoder;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ErrorResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EngageTrack errors: {@code {"error": "…"}} with no machine-readable code. A 403
 * {@code API key missing required scope: X} names the scope; a 429 {@code Rate limit exceeded. Retry after
 * <RFC 3339>} names the retry time; a 402 means the organisation's plan has no API access.
 */
public final class EngageTrackErrorDecoder implements ErrorDecoder {
    private static final Pattern MISSING_SCOPE = Pattern.compile("required scope:\\s*([A-Za-z_]+:[A-Za-z_]+)");
    private final ErrorDecoder base = ErrorDecoder.standard().withRetryTimeFromMessage();

    @Override
    public ErrorDetails decode(ErrorResponse response) {
        ErrorDetails details = base.decode(response);
        if (details == null) {
            details = ErrorDetails.none();
        }
        String message = details.message();
        ErrorDetails.Builder b = details.toBuilder();
        switch (response.statusCode()) {
            case 401:
                b.hint("the API key is unknown, revoked or expired (or the session token expired); create a new key "
                        + "under Settings -> API Keys");
                break;
            case 402:
                b.hint("API keys need the organisation to be on the Startup plan or higher; upgrade the plan");
                b.denialReason(PermissionDeniedException.Reason.PLAN_LIMIT);
                break;
            case 403:
                Matcher m = message == null ? null : MISSING_SCOPE.matcher(message);
                if (m != null && m.find()) {
                    String scope = m.group(1);
                    b.missingScope(scope).denialReason(PermissionDeniedException.Reason.MISSING_SCOPE)
                            .hint("the API key lacks the scope " + scope + "; create a key that includes " + scope
                                    + " (write scopes do not imply read scopes)");
                } else {
                    b.hint("the credentials may not do this: an API key on a session-only route, or a user role "
                            + "too low for it");
                }
                break;
            default:
                break;
        }
        return b.build();
    }
}
