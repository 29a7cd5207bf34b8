package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.spi.ResponseReader;
import io.tally.core.TallyException;
import io.tally.hitkeep.model.Redirect;
import io.tally.hitkeep.model.SearchConsoleDimension;
import io.tally.hitkeep.model.SearchConsoleDimensionReport;
import io.tally.hitkeep.model.SearchConsoleOverview;
import io.tally.hitkeep.model.SearchConsoleProperty;
import io.tally.hitkeep.model.SearchConsoleSeries;
import io.tally.hitkeep.model.SearchConsoleSiteMapping;
import io.tally.hitkeep.model.SearchConsoleTeamStatus;
import io.tally.hitkeep.model.Status;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Google Search Console: a team connects its Google account (session only, team capability
 * {@code team.manage_integrations}), each site is mapped to a property ({@code site.manage_team}), and
 * HitKeep imports the data daily; the reports read that imported data ({@code site.view}) and never call
 * Google.
 *
 * <p><b>Errors.</b> A site that is not mapped, or a team that is not connected or whose instance lacks
 * Google credentials, is answered with <b>412 Precondition Failed</b>; the SDK raises it as
 * {@link io.tally.core.UnexpectedStatusException} (412 has no exception type of its own), with
 * {@code serverMessage()} such as {@code Search Console property is not mapped}. The team-integration
 * routes answer errors as JSON {@code {"status":"error","code":…,"message":…}}; the code
 * ({@code credentials_missing}, {@code not_connected}, {@code not_mapped}) is in
 * {@link io.tally.core.ApiException#errorCode()}.
 *
 * <p>Team API clients get 401 on the four site-mapping routes (HitKeep ties them to a user); use a
 * personal token or a session there.
 */
public final class SearchConsole {
    private final HitKeep client;

    SearchConsole(HitKeep client) {
        this.client = client;
    }

    // ---- site mapping ---------------------------------------------------------------------------

    /** The site's property mapping and sync state ({@code GET /api/sites/{id}/integrations/google-search-console}). */
    public HitKeepCall<SearchConsoleSiteMapping> mapping(String siteId) {
        return siteCall("GET", "/api/sites/{id}/integrations/google-search-console", siteId);
    }

    /**
     * Maps the site to a property of its team's connected account, e.g. {@code sc-domain:example.com}
     * ({@code PUT /api/sites/{id}/integrations/google-search-console/property}).
     */
    public HitKeepCall<SearchConsoleSiteMapping> mapProperty(String siteId, String propertyUri) {
        if (propertyUri == null || propertyUri.trim().isEmpty()) {
            throw new IllegalArgumentException("propertyUri must not be null or blank (e.g. sc-domain:example.com)");
        }
        return siteCall("PUT", "/api/sites/{id}/integrations/google-search-console/property", siteId)
                .body(Collections.singletonMap("property_uri", propertyUri.trim()));
    }

    /** Removes the site's property mapping ({@code DELETE /api/sites/{id}/integrations/google-search-console/property}). */
    public HitKeepCall<SearchConsoleSiteMapping> unmapProperty(String siteId) {
        return siteCall("DELETE", "/api/sites/{id}/integrations/google-search-console/property", siteId);
    }

    /** Queues an import of the site's Search Console data now ({@code POST /api/sites/{id}/integrations/google-search-console/sync}). */
    public HitKeepCall<SearchConsoleSiteMapping> sync(String siteId) {
        return siteCall("POST", "/api/sites/{id}/integrations/google-search-console/sync", siteId);
    }

    // ---- reports --------------------------------------------------------------------------------

    /** Clicks, impressions, CTR and average position for the window ({@code GET /api/sites/{id}/search-console/overview}). */
    public ReportRequest<SearchConsoleOverview> overview(String siteId) {
        return report("/api/sites/{id}/search-console/overview", siteId, SearchConsoleOverview.class);
    }

    /** The same numbers per day ({@code GET /api/sites/{id}/search-console/series}). */
    public ReportRequest<SearchConsoleSeries> series(String siteId) {
        return report("/api/sites/{id}/search-console/series", siteId, SearchConsoleSeries.class);
    }

    /** Top search queries ({@code GET /api/sites/{id}/search-console/queries}). */
    public ReportRequest<SearchConsoleDimensionReport> queries(String siteId) {
        return report("/api/sites/{id}/search-console/queries", siteId, SearchConsoleDimensionReport.class);
    }

    /** Top pages ({@code GET /api/sites/{id}/search-console/pages}). */
    public ReportRequest<SearchConsoleDimensionReport> pages(String siteId) {
        return report("/api/sites/{id}/search-console/pages", siteId, SearchConsoleDimensionReport.class);
    }

    /** Rows by country or device ({@code GET /api/sites/{id}/search-console/breakdowns?dimension=…}). */
    public ReportRequest<SearchConsoleDimensionReport> breakdown(String siteId, SearchConsoleDimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        ReportRequest<SearchConsoleDimensionReport> r = report("/api/sites/{id}/search-console/breakdowns", siteId,
                SearchConsoleDimensionReport.class);
        return r.param("dimension", dimension.value());
    }

    // ---- team connection (session only) ----------------------------------------------------------

    /**
     * The team's Google connection and credential state
     * ({@code GET /api/user/teams/{id}/integrations/google-search-console/status}; session only).
     */
    public HitKeepCall<SearchConsoleTeamStatus> teamStatus(String teamId) {
        return teamCall("GET", "/api/user/teams/{id}/integrations/google-search-console/status", teamId,
                client.context().json(SearchConsoleTeamStatus.class));
    }

    /**
     * The properties the team's connected account can see
     * ({@code GET /api/user/teams/{id}/integrations/google-search-console/properties}; session only; 412 when not connected).
     */
    public HitKeepCall<List<SearchConsoleProperty>> properties(String teamId) {
        return teamCall("GET", "/api/user/teams/{id}/integrations/google-search-console/properties", teamId,
                JsonReaders.listField("properties", SearchConsoleProperty.class));
    }

    /**
     * Starts connecting the team's Google account and returns the Google consent URL to open in a browser
     * ({@code POST /api/user/teams/{id}/integrations/google-search-console/connect}; session only). After consent
     * Google sends the browser to HitKeep's callback, then to {@code returnPath} (a dashboard path, or {@code null}
     * for HitKeep's default).
     */
    public HitKeepCall<String> connect(String teamId, @Nullable String returnPath) {
        Map<String, Object> body = returnPath == null ? Collections.<String, Object>emptyMap()
                : Collections.<String, Object>singletonMap("return_path", returnPath);
        return teamCall("POST", "/api/user/teams/{id}/integrations/google-search-console/connect", teamId, authUrl())
                .body(body);
    }

    /**
     * Disconnects the team's Google account and deletes the stored tokens
     * ({@code DELETE /api/user/teams/{id}/integrations/google-search-console}; session only).
     */
    public HitKeepCall<Status> disconnect(String teamId) {
        return teamCall("DELETE", "/api/user/teams/{id}/integrations/google-search-console", teamId,
                client.context().json(Status.class));
    }

    /**
     * Completes the Google OAuth flow with the {@code state} and {@code code} Google put on the callback URL
     * ({@code GET /api/integrations/google-search-console/oauth/callback}; session only). HitKeep answers with
     * a redirect to the integration page, returned here unfollowed. Normally the browser does this step.
     */
    public HitKeepCall<Redirect> completeOAuth(String state, String code) {
        require(state, "state");
        require(code, "code");
        return new HitKeepCall<>(client, "GET", "/api/integrations/google-search-console/oauth/callback",
                RouteAuth.SESSION_ONLY,
                new Object[0], RedirectReader.INSTANCE).param("state", state).param("code", code);
    }

    private HitKeepCall<SearchConsoleSiteMapping> siteCall(String method, String route, String siteId) {
        return new HitKeepCall<>(client, method, route, RouteAuth.TOKEN_OR_SESSION, new Object[] {siteId},
                client.context().json(SearchConsoleSiteMapping.class));
    }

    private <T> HitKeepCall<T> teamCall(String method, String route, String teamId, ResponseReader<T> reader) {
        return new HitKeepCall<>(client, method, route, RouteAuth.SESSION_ONLY, new Object[] {teamId}, reader);
    }

    private <T> ReportRequest<T> report(String route, String siteId, Class<T> type) {
        return new ReportRequest<>(client, route, siteId, client.context().json(type));
    }

    private static ResponseReader<String> authUrl() {
        return response -> {
            com.fasterxml.jackson.databind.JsonNode root = response.json();
            String url = root == null ? null : root.path("auth_url").asText(null);
            if (url == null || url.isEmpty()) {
                throw new TallyException("HitKeep's answer to the Search Console connect request has no auth_url");
            }
            return url;
        };
    }

    private static void require(String value, String name) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
    }

    /**
     * A Search Console report read: window ({@code from}/{@code to}, default the 30 days ending now) and the
     * filters {@code page} (exact Search Console page URL), {@code path}, {@code country}, {@code device} and
     * {@code limit} (1–100, default 10).
     *
     * @param <T> what the report returns
     */
    public static final class ReportRequest<T> extends HitKeepRequest<T, ReportRequest<T>>
            implements
                WindowedRequest<ReportRequest<T>> {
        /** HitKeep's largest {@code limit}. */
        public static final int MAX_LIMIT = 100;

        ReportRequest(HitKeep client, String route, String siteId, ResponseReader<T> reader) {
            super(client, "GET", route, RouteAuth.TOKEN_OR_SESSION, new Object[] {siteId}, reader);
        }

        /** Only this exact Search Console page URL. */
        public ReportRequest<T> page(String pageUrl) {
            return query("page", pageUrl);
        }

        /** Only pages with this HitKeep path, e.g. {@code /pricing}. */
        public ReportRequest<T> path(String path) {
            return query("path", path);
        }

        /** Only this country (ISO alpha-2 or alpha-3 code, as Search Console reports it). */
        public ReportRequest<T> country(String country) {
            return query("country", country);
        }

        /** Only this device: {@code desktop}, {@code mobile} or {@code tablet}. */
        public ReportRequest<T> device(String device) {
            return query("device", device);
        }

        /** At most this many rows, 1–100 (table reports). */
        public ReportRequest<T> limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            return query("limit", limit);
        }

        ReportRequest<T> param(String name, Object value) {
            return query(name, value);
        }
    }
}
