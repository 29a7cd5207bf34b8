package io.tally.mcp.tool;

import io.tally.core.ApiConnectionException;
import io.tally.core.ApiException;
import io.tally.core.ApiTimeoutException;
import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.ServerException;
import java.util.Objects;

/**
 * The error translation every provider shares: one method per kind of failure, each with a message an assistant
 * can act on, and the provider's request id appended when the response carried one. A provider overrides only
 * the kinds it can say more about (which grant is missing, what its rate limit is); everything else reads the
 * same for every provider.
 */
public abstract class StandardErrorTranslator implements ErrorTranslator {
    /** The provider's display name, e.g. {@code Acme Analytics}. */
    protected final String provider;
    /** The provider's base URL, for connection and timeout messages. */
    protected final String baseUrl;
    /** The command-line flag that sets {@link #baseUrl}, for connection messages. */
    protected final String baseUrlFlag;

    /**
     * @param provider    the provider's display name
     * @param baseUrl     the base URL the server talks to
     * @param baseUrlFlag the flag that sets it, e.g. {@code --base-url}
     */
    protected StandardErrorTranslator(String provider, String baseUrl, String baseUrlFlag) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrlFlag = Objects.requireNonNull(baseUrlFlag, "baseUrlFlag");
    }

    @Override
    public final String translate(String tool, RuntimeException error, Arguments args) {
        String message;
        if (error instanceof AuthenticationException a) {
            message = unauthorized(tool, a, args);
        } else if (error instanceof PermissionDeniedException p) {
            message = forbidden(tool, p, args);
        } else if (error instanceof NotFoundException n) {
            message = notFound(tool, n, args);
        } else if (error instanceof RateLimitException r) {
            message = rateLimited(tool, r, args);
        } else if (error instanceof BadRequestException b) {
            message = badRequest(tool, b, args);
        } else if (error instanceof ServerException s) {
            message = serverError(tool, s, args);
        } else if (error instanceof ApiException a) {
            message = otherStatus(tool, a, args);
        } else if (error instanceof ApiTimeoutException) {
            message = provider + " at " + baseUrl + " did not answer in time; retry, or ask for a shorter window.";
        } else if (error instanceof ApiConnectionException) {
            message = "Could not reach " + provider + " at " + baseUrl + " (" + error.getMessage() + "); check that "
                    + "the instance is up and that the MCP server's " + baseUrlFlag + " is right.";
        } else {
            message = "The " + provider + " call failed: " + error.getMessage();
        }
        if (error instanceof ApiException a && a.requestId().isPresent()) {
            message += " (" + provider + " request id " + a.requestId().get() + ")";
        }
        return message;
    }

    /** 401. */
    protected String unauthorized(String tool, AuthenticationException error, Arguments args) {
        return provider + " answered 401 Unauthorized: the token is unknown, revoked or expired. Check the token in "
                + "your MCP client's Authorization header, or create a new one in " + provider + ".";
    }

    /** 403. */
    protected String forbidden(String tool, PermissionDeniedException error, Arguments args) {
        return provider + " answered 403 Forbidden (" + serverText(error, "Forbidden") + "): the token may not do "
                + "this; ask for a token with the access " + tool + " needs.";
    }

    /** 404. */
    protected String notFound(String tool, NotFoundException error, Arguments args) {
        return provider + " answered 404 (" + serverText(error, "Not found") + "): check the ids you passed (the "
                + "list tools name the valid ones).";
    }

    /** 429. */
    protected String rateLimited(String tool, RateLimitException error, Arguments args) {
        return provider + " rate limited the request (429 Too Many Requests); retry "
                + error.retryAfter().map(d -> "in " + Math.max(1, d.toSeconds()) + " s")
                        .orElse("in a few seconds")
                + ".";
    }

    /** 400. */
    protected String badRequest(String tool, BadRequestException error, Arguments args) {
        return provider + " rejected the request (400): " + error.serverMessage().orElse(error.body())
                + ". Correct the arguments and try again.";
    }

    /** 5xx. */
    protected String serverError(String tool, ServerException error, Arguments args) {
        return provider + " failed with " + error.statusCode() + " (" + serverText(error, "server error")
                + "); retry later.";
    }

    /** Any other status. */
    protected String otherStatus(String tool, ApiException error, Arguments args) {
        return provider + " answered " + error.statusCode() + ": " + error.serverMessage().orElse(error.body());
    }

    /** The server's own message, or {@code fallback}. */
    protected static String serverText(ApiException error, String fallback) {
        return error.serverMessage().orElse(fallback);
    }
}
