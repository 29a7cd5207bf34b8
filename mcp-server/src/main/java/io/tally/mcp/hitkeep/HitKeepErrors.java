package io.tally.mcp.hitkeep;

import io.tally.core.ApiConnectionException;
import io.tally.core.ApiException;
import io.tally.core.ApiTimeoutException;
import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.ServerException;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.ErrorTranslator;

/**
 * HitKeep SDK exceptions as tool errors an assistant can act on: which grant is missing on which site, that the
 * token is unknown or revoked, when to retry.
 */
final class HitKeepErrors implements ErrorTranslator {
    private final String baseUrl;

    HitKeepErrors(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String translate(String tool, RuntimeException error, Arguments args) {
        boolean write = tool.startsWith("hitkeep_ingest_");
        String permission = write ? "site.manage_data" : "site.view";
        String site = args.optionalString("site_id").map(s -> "site " + s).orElse(write ? "the site of this URL" : "this site");
        String message;
        if (error instanceof AuthenticationException) {
            message = "HitKeep answered 401 Unauthorized: the token is unknown, revoked or expired. Check the token in "
                    + "your MCP client's Authorization header, or create or rotate an API client in HitKeep (Settings → "
                    + "API Clients). HitKeep 2.8.1 also answers 401 to team API clients on user-bound routes (site "
                    + "stats, hits); if this is a team token, use a personal API client for " + tool + ".";
        } else if (error instanceof PermissionDeniedException p) {
            String server = p.serverMessage().orElse("");
            if (p.reason() == PermissionDeniedException.Reason.NO_GRANT) {
                message = "HitKeep answered 403 Access denied: this token has no " + permission + " grant on " + site
                        + "; add a site role for the API client (HitKeep → Settings → API Clients → Site roles"
                        + (write ? ", owner or admin to ingest" : ", viewer is enough to read")
                        + "). hitkeep_list_sites lists the sites this token can see.";
            } else if (p.reason() == PermissionDeniedException.Reason.ROLE_TOO_LOW) {
                message = "HitKeep answered 403 Forbidden: the token's role on " + site + " lacks " + permission
                        + (write ? "; ingest needs the owner or admin role" : "") + ". Grant a higher site role to the API client.";
            } else {
                message = "HitKeep answered 403 Forbidden (" + server + "): the token may not do this on " + site + ".";
            }
        } else if (error instanceof NotFoundException n) {
            message = write
                    ? "HitKeep answered 404 (" + n.serverMessage().orElse("Not found") + "): no site has the domain of "
                    + "this URL; use a URL on one of the sites from hitkeep_list_sites."
                    : "HitKeep answered 404 (" + n.serverMessage().orElse("Not found") + "): check the ids (site_id from "
                    + "hitkeep_list_sites; funnel, goal and QR ids from their list tools).";
        } else if (error instanceof RateLimitException) {
            message = "HitKeep rate limited the request (429 Too Many Requests); retry in a few seconds. HitKeep allows "
                    + "about 10 requests a second per client IP.";
        } else if (error instanceof BadRequestException b) {
            message = "HitKeep rejected the request (400): " + b.serverMessage().orElse(b.body())
                    + ". Correct the arguments and try again.";
        } else if (error instanceof ServerException s) {
            message = "HitKeep failed with " + s.statusCode() + " (" + s.serverMessage().orElse("server error")
                    + "); retry later.";
        } else if (error instanceof ApiException a && a.statusCode() == 412) {
            message = a.serverMessage().orElse("Search Console is not set up")
                    + ": the site has no Google Search Console property mapped (or the team is not connected). "
                    + "Map one in HitKeep (site settings → Integrations), then wait for the first sync.";
        } else if (error instanceof ApiException a) {
            message = "HitKeep answered " + a.statusCode() + ": " + a.serverMessage().orElse(a.body());
        } else if (error instanceof ApiTimeoutException) {
            message = "HitKeep at " + baseUrl + " did not answer in time; retry, or ask for a shorter window.";
        } else if (error instanceof ApiConnectionException) {
            message = "Could not reach HitKeep at " + baseUrl + " (" + error.getMessage() + "); check that the "
                    + "instance is up and that the MCP server's --base-url is right.";
        } else {
            message = "The HitKeep call failed: " + error.getMessage();
        }
        if (error instanceof ApiException a && a.requestId().isPresent()) {
            message += " (HitKeep request id " + a.requestId().get() + ")";
        }
        return message;
    }
}
