package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.ExclusionInput;
import io.tally.hitkeep.model.IpExclusion;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteMember;
import io.tally.hitkeep.model.SiteRole;
import io.tally.hitkeep.model.SiteTrackingStatus;
import io.tally.hitkeep.model.SiteTransfer;
import io.tally.hitkeep.model.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sites and their traffic: listing and creating sites, statistics, raw hits and their export, takeouts, the
 * realtime stream, members, exclusion rules, retention and team transfer. Every route but {@link #create(String)}
 * and {@link #favicon(String)} accepts an API token or a session; API clients reach only the sites they hold a
 * grant for (403 {@code Access denied} otherwise).
 *
 * <pre>{@code
 * for (Site site : hitkeep.sites().list().execute()) {
 *     SiteStats week = hitkeep.sites().stats(site.id()).range(DateRange.lastDays(7)).execute();
 *     System.out.println(site.domain() + ": " + week.totalPageviews() + " pageviews");
 * }
 * }</pre>
 *
 * <p>Team API clients get 401 on {@link #stats}, {@link #hits}, {@link #exportHits}, {@link #setRetention},
 * {@link #transferToTeam} and {@link #addExclusion}, which also need a user (HitKeep reference §2.6).
 */
public final class Sites {
    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private final HitKeep client;

    Sites(HitKeep client) {
        this.client = client;
    }

    /** The sites this client can see ({@code GET /api/sites}): for an API client, only those it holds a grant for. */
    public HitKeepCall<List<Site>> list() {
        return call("GET", "/api/sites", RouteAuth.TOKEN_OR_SESSION, client.context().listOf(Site.class));
    }

    /**
     * Adds a site to the active team ({@code POST /api/sites}, 200 with the site). Session only. 409 when the
     * domain exists.
     *
     * @param domain a host name such as {@code shop.example.com}: no scheme, no leading {@code www.}
     * @throws IllegalArgumentException when the domain breaks HitKeep's rules (checked before sending)
     */
    public HitKeepCall<Site> create(String domain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", checkDomain(domain));
        return call("POST", "/api/sites", RouteAuth.SESSION_ONLY, client.context().json(Site.class)).body(body);
    }

    /** Deletes a site and all its data ({@code DELETE /api/sites/{id}}); needs {@code site.delete}. */
    public HitKeepCall<Status> delete(String siteId) {
        return call("DELETE", "/api/sites/{id}", RouteAuth.TOKEN_OR_SESSION, client.context().json(Status.class),
                site(siteId));
    }

    /**
     * A site's traffic over a window, with filters and an optional comparison ({@code GET /api/sites/{id}/stats});
     * needs {@code site.view}. Team API clients get 401 here (reference §2.6).
     */
    public StatsRequest stats(String siteId) {
        return new StatsRequest(client, siteId);
    }

    /** A site's raw pageviews, paged ({@code GET /api/sites/{id}/hits}); team API clients get 401 here (reference §2.6). */
    public HitsRequest hits(String siteId) {
        return new HitsRequest(client, siteId);
    }

    /**
     * A site's raw pageviews as a file, CSV by default ({@code GET /api/sites/{id}/hits/export}); team API clients get
     * 401 here (reference §2.6).
     */
    public HitsExportRequest exportHits(String siteId) {
        return new HitsExportRequest(client, siteId);
    }

    /**
     * Everything stored for a site as one file, xlsx unless {@link ExportRequest#format(ExportFormat) format} says
     * otherwise ({@code GET /api/sites/{id}/takeout}); needs {@code site.view}. Stream it with {@code into(Path)}.
     */
    public ExportRequest takeout(String siteId) {
        return new ExportRequest(client, "/api/sites/{id}/takeout", RouteAuth.TOKEN_OR_SESSION, site(siteId));
    }

    /** A site's realtime change notifications, to follow or iterate ({@code GET /api/sites/{id}/realtime}). */
    public RealtimeRequest realtime(String siteId) {
        return new RealtimeRequest(client, siteId);
    }

    /** Whether the site receives data, and what arrived last ({@code GET /api/sites/{id}/tracking/status}). */
    public HitKeepCall<SiteTrackingStatus> trackingStatus(String siteId) {
        return call("GET", "/api/sites/{id}/tracking/status", RouteAuth.TOKEN_OR_SESSION,
                client.context().json(SiteTrackingStatus.class), site(siteId));
    }

    /** The users with a role on the site ({@code GET /api/sites/{id}/members}); needs {@code site.view}. */
    public HitKeepCall<List<SiteMember>> members(String siteId) {
        return call("GET", "/api/sites/{id}/members", RouteAuth.TOKEN_OR_SESSION,
                client.context().listOf(SiteMember.class),
                site(siteId));
    }

    /** Gives a user a role on the site ({@code POST /api/sites/{id}/members}); needs {@code site.manage_team}. */
    public HitKeepCall<Status> addMember(String siteId, String email, SiteRole role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", Inputs.email(email));
        body.put("role", Objects.requireNonNull(role, "role"));
        return call("POST", "/api/sites/{id}/members", RouteAuth.TOKEN_OR_SESSION, client.context().json(Status.class),
                site(siteId)).body(body);
    }

    /** Removes a user's role on the site ({@code DELETE /api/sites/{id}/members/{userId}}); needs {@code site.manage_team}. */
    public HitKeepCall<Status> removeMember(String siteId, String userId) {
        return call("DELETE", "/api/sites/{id}/members/{userId}", RouteAuth.TOKEN_OR_SESSION,
                client.context().json(Status.class),
                site(siteId), Inputs.id("userId", userId));
    }

    /**
     * The site's IP and country exclusion rules ({@code GET /api/sites/{id}/exclusions}); needs
     * {@code site.manage_data} or {@code instance.manage_site_exclusions}.
     */
    public HitKeepCall<List<IpExclusion>> exclusions(String siteId) {
        return call("GET", "/api/sites/{id}/exclusions", RouteAuth.TOKEN_OR_SESSION,
                client.context().listOf(IpExclusion.class),
                site(siteId));
    }

    /** Adds an exclusion rule ({@code POST /api/sites/{id}/exclusions}, 201 with the rule); team API clients get 401 here. */
    public HitKeepCall<IpExclusion> addExclusion(String siteId, ExclusionInput rule) {
        Objects.requireNonNull(rule, "rule");
        return call("POST", "/api/sites/{id}/exclusions", RouteAuth.TOKEN_OR_SESSION,
                client.context().json(IpExclusion.class),
                site(siteId)).body(rule);
    }

    /** Removes an exclusion rule ({@code DELETE /api/sites/{id}/exclusions/{ruleID}}, 204). */
    public HitKeepCall<Void> deleteExclusion(String siteId, String ruleId) {
        return call("DELETE", "/api/sites/{id}/exclusions/{ruleID}", RouteAuth.TOKEN_OR_SESSION,
                ResponseReader.discard(),
                site(siteId), Inputs.id("ruleId", ruleId));
    }

    /**
     * Sets how many days raw data is kept ({@code PUT /api/sites/{id}/retention}); needs {@code site.manage_data}.
     * The plan may cap it. Team API clients get 401 here (reference §2.6).
     */
    public HitKeepCall<Void> setRetention(String siteId, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", days);
        return call("PUT", "/api/sites/{id}/retention", RouteAuth.TOKEN_OR_SESSION, ResponseReader.discard(),
                site(siteId))
                .body(body);
    }

    /**
     * Moves the site to another team ({@code POST /api/sites/{id}/transfer-team}); needs {@code site.manage_team}.
     * Team API clients get 401 here (reference §2.6).
     */
    public HitKeepCall<SiteTransfer> transferToTeam(String siteId, String teamId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team_id", Inputs.id("teamId", teamId));
        return call("POST", "/api/sites/{id}/transfer-team", RouteAuth.TOKEN_OR_SESSION,
                client.context().json(SiteTransfer.class),
                site(siteId)).body(body);
    }

    /** The favicon HitKeep caches for a domain ({@code GET /api/favicon/{domain}}); public, sends no credentials. */
    public DownloadRequest favicon(String domain) {
        return new DownloadRequest(client, "/api/favicon/{domain}", RouteAuth.PUBLIC, Inputs.id("domain", domain));
    }

    /** Applies HitKeep's domain rules (reference §3.7) so that a bad domain fails before sending. */
    static String checkDomain(String domain) {
        if (domain == null || domain.trim().isEmpty()) {
            throw new IllegalArgumentException("domain is required, e.g. example.com");
        }
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.contains("://")) {
            throw new IllegalArgumentException(
                    "domain must not contain a protocol (http:// or https://), got '" + domain + "'");
        }
        if (d.startsWith("www.")) {
            throw new IllegalArgumentException(
                    "domain must not start with 'www.' (HitKeep tracks subdomains automatically), got '"
                            + domain + "'");
        }
        if (d.length() > 253 || !HOST.matcher(d).matches()) {
            throw new IllegalArgumentException("domain must be a host name such as example.com, got '" + domain + "'");
        }
        return d;
    }

    private static String site(String siteId) {
        return Inputs.id("siteId", siteId);
    }

    private <T> HitKeepCall<T> call(String method, String route, RouteAuth auth, ResponseReader<T> reader,
            Object... path) {
        return new HitKeepCall<>(client, method, route, auth, path, reader);
    }
}
