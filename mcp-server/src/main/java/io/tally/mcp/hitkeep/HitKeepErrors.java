package io.tally.mcp.hitkeep;

import io.tally.core.ApiException;
import io.tally.core.AuthenticationException;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.StandardErrorTranslator;

/**
 * HitKeep SDK exceptions as tool errors an assistant can act on: which grant is missing on which site, that the
 * token is unknown or revoked, when to retry. What HitKeep shares with every provider comes from
 * {@link StandardErrorTranslator}.
 */
final class HitKeepErrors extends StandardErrorTranslator {
    HitKeepErrors(String baseUrl) {
        super("HitKeep", baseUrl, "--base-url");
    }

    private static boolean write(String tool) {
        return tool.startsWith("hitkeep_ingest_");
    }

    private static String site(String tool, Arguments args) {
        return args.optionalString("site_id").map(s -> "site " + s)
                .orElse(write(tool) ? "the site of this URL" : "this site");
    }

    @Override
    protected String unauthorized(String tool, AuthenticationException error, Arguments args) {
        return "HitKeep answered 401 Unauthorized: the token is unknown, revoked or expired. Check the token in "
                + "your MCP client's Authorization header, or create or rotate an API client in HitKeep (Settings > "
                + "API Clients). HitKeep 2.8.1 also answers 401 to team API clients on user-bound routes (site "
                + "stats, hits); if this is a team token, use a personal API client for " + tool + ".";
    }

    @Override
    protected String forbidden(String tool, PermissionDeniedException error, Arguments args) {
        boolean write = write(tool);
        String permission = write ? "site.manage_data" : "site.view";
        String site = site(tool, args);
        String server = error.serverMessage().orElse("");
        if (error.reason() == PermissionDeniedException.Reason.NO_GRANT) {
            return "HitKeep answered 403 Access denied: this token has no " + permission + " grant on " + site
                    + "; add a site role for the API client (HitKeep > Settings > API Clients > Site roles"
                    + (write ? ", owner or admin to ingest" : ", viewer is enough to read")
                    + "). hitkeep_list_sites lists the sites this token can see.";
        }
        if (error.reason() == PermissionDeniedException.Reason.ROLE_TOO_LOW) {
            return "HitKeep answered 403 Forbidden: the token's role on " + site + " lacks " + permission
                    + (write ? "; ingest needs the owner or admin role" : "") + ". Grant a higher site role to the "
                    + "API client.";
        }
        return "HitKeep answered 403 Forbidden (" + server + "): the token may not do this on " + site + ".";
    }

    @Override
    protected String notFound(String tool, NotFoundException error, Arguments args) {
        return write(tool)
                ? "HitKeep answered 404 (" + serverText(error, "Not found") + "): no site has the domain of "
                        + "this URL; use a URL on one of the sites from hitkeep_list_sites."
                : "HitKeep answered 404 (" + serverText(error, "Not found") + "): check the ids (site_id from "
                        + "hitkeep_list_sites; funnel, goal and QR ids from their list tools).";
    }

    @Override
    protected String rateLimited(String tool, RateLimitException error, Arguments args) {
        return "HitKeep rate limited the request (429 Too Many Requests); retry in a few seconds. HitKeep allows "
                + "about 10 requests a second per client IP.";
    }

    @Override
    protected String otherStatus(String tool, ApiException error, Arguments args) {
        if (error.statusCode() == 412) {
            return error.serverMessage().orElse("Search Console is not set up")
                    + ": the site has no Google Search Console property mapped (or the team is not connected). "
                    + "Map one in HitKeep (site settings > Integrations), then wait for the first sync.";
        }
        return super.otherStatus(tool, error, args);
    }
}
