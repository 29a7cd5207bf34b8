package io.tally.mcp.alke;

import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.StandardErrorTranslator;

/**
 * Alke SDK exceptions as tool errors an assistant can act on. Alke documents neither its error bodies nor its status
 * codes, so the messages say what the status most likely means and what to try.
 */
final class AlkeErrors extends StandardErrorTranslator {
    AlkeErrors(String baseUrl) {
        super("Alke Analytics", baseUrl, "--alke-url");
    }

    private static String property(Arguments args) {
        return args.optionalString("property_id").map(p -> "property " + p).orElse("this property");
    }

    @Override
    protected String unauthorized(String tool, AuthenticationException error, Arguments args) {
        return "Alke answered 401 Unauthorized (" + serverText(error, "no reason given") + "): the token is mistyped, "
                + "was regenerated (each Alke account has one active token) or has expired (tokens last one year). "
                + "Send the current token in the MCP client's Authorization header (stdio: "
                + AlkeProvider.TOKEN_VARIABLE
                + "); " + AlkeModule.HOW_TO_REGENERATE;
    }

    @Override
    protected String forbidden(String tool, PermissionDeniedException error, Arguments args) {
        return "Alke answered 403 Forbidden (" + serverText(error, "Forbidden") + "): this token may not read "
                + property(args) + ". An organisation owner can grant property-level access on Alke's Users page; a "
                + "service-account token only sees its own organisation. Use another property from "
                + "alke_list_properties, or ask the user for a token with access.";
    }

    @Override
    protected String notFound(String tool, NotFoundException error, Arguments args) {
        return "Alke answered 404 (" + serverText(error, "Not found") + "): Alke does not know " + property(args)
                + " (or hides it from this token). Check property_id against alke_list_properties; if it is listed, "
                + "the server's list is out of date.";
    }

    @Override
    protected String badRequest(String tool, BadRequestException error, Arguments args) {
        return "Alke rejected the report (400): " + error.serverMessage().orElse(error.body()) + ". Metric and "
                + "dimension names are free strings that Alke checks (documented: pageviews, visits; date); rename or "
                + "drop the one it names, or remove the extra params it refuses, and try again.";
    }

    @Override
    protected String rateLimited(String tool, RateLimitException error, Arguments args) {
        return "Alke rate limited the request (429 Too Many Requests); retry "
                + error.retryAfter().map(d -> "in " + Math.max(1, d.toSeconds()) + " s").orElse("in a few seconds")
                + ". Alke does not document its limits: ask for fewer reports at once.";
    }
}
