package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.EcommerceProductStat;
import io.tally.hitkeep.model.EcommerceSeriesPoint;
import io.tally.hitkeep.model.EcommerceSourceStat;
import io.tally.hitkeep.model.EcommerceSummary;
import io.tally.hitkeep.model.EventAudience;
import io.tally.hitkeep.model.EventSeriesPoint;
import io.tally.hitkeep.model.Funnel;
import io.tally.hitkeep.model.FunnelSeriesPoint;
import io.tally.hitkeep.model.FunnelStats;
import io.tally.hitkeep.model.Goal;
import io.tally.hitkeep.model.GoalSeriesPoint;
import io.tally.hitkeep.model.MetricStat;
import io.tally.hitkeep.model.Opportunity;
import io.tally.hitkeep.model.QrCode;
import io.tally.hitkeep.model.QrCodeOpenSeriesPoint;
import io.tally.hitkeep.model.QrCodeSummary;
import io.tally.hitkeep.model.RealtimeEvent;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.WebVitalDimension;
import io.tally.hitkeep.model.WebVitalDimensionRow;
import io.tally.hitkeep.model.WebVitalMetric;
import io.tally.hitkeep.model.WebVitalPageRow;
import io.tally.hitkeep.model.WebVitalSeriesPoint;
import io.tally.hitkeep.model.WebVitalSummaryMetric;
import java.util.List;
import java.util.Objects;

/**
 * A site's dashboard seen through a read-only share link ({@code /api/share/{token}/…}): stats, hits,
 * events, goals, funnels, Web Vitals, ecommerce, opportunities and QR campaigns. Obtain it with
 * {@link HitKeep#shared(String)}; the token comes from {@code shareLinks().create(siteId)}.
 *
 * <pre>{@code
 * SharedDashboard shared = HitKeep.builder().baseUrl("https://analytics.example.com").build().shared(shareToken);
 * Site site = shared.site().execute();
 * SiteStats stats = shared.stats(site.id()).range(DateRange.lastDays(7)).execute();
 * }</pre>
 *
 * <p>These routes authenticate with the token in the path alone: no API token, key or session cookie is
 * sent, so a client without credentials can use them. The routes under {@code /sites/{id}} need the id
 * of the shared site ({@link #site()}); any other id is answered 404. The requests are those of the
 * authenticated routes ({@link StatsRequest}, {@link HitsRequest}, {@link EventRequest}, {@link WebVitalsRequest},
 * {@link EcommerceRequest}…) and the answers have the same shape; where a share route takes fewer inputs, the
 * method says so. The four ecommerce routes are missing from HitKeep's OpenAPI document; their inputs and
 * answers are those of the authenticated ecommerce routes.
 */
public final class SharedDashboard {
    private final HitKeep client;
    private final String token;

    SharedDashboard(HitKeep client, String token) {
        this.client = client;
        this.token = ShareTokens.require(token, "shareToken");
    }

    /** The shared site ({@code GET /api/share/{token}/site}). */
    public HitKeepCall<Site> site() {
        return new HitKeepCall<>(client, "GET", "/api/share/{token}/site", RouteAuth.SHARE_TOKEN, new Object[] {token},
                client.context().json(Site.class));
    }

    // ---- traffic --------------------------------------------------------------------------------

    /**
     * Traffic over a window ({@code GET /api/share/{token}/sites/{id}/stats}): filters, goals and funnels as on
     * {@code sites().stats(…)}; HitKeep documents no comparison window for this route.
     */
    public StatsRequest stats(String siteId) {
        return new StatsRequest(client, "/api/share/{token}/sites/{id}/stats", RouteAuth.SHARE_TOKEN, site(siteId));
    }

    /** Raw hits, paged ({@code GET /api/share/{token}/sites/{id}/hits}); the last 24 hours without a window. */
    public HitsRequest hits(String siteId) {
        return new HitsRequest(client, "/api/share/{token}/sites/{id}/hits", RouteAuth.SHARE_TOKEN, site(siteId));
    }

    /** Raw hits as a file ({@code GET /api/share/{token}/sites/{id}/hits/export}; csv unless a format is set). */
    public HitsExportRequest exportHits(String siteId) {
        return new HitsExportRequest(client, "/api/share/{token}/sites/{id}/hits/export", RouteAuth.SHARE_TOKEN,
                site(siteId));
    }

    /**
     * The change notifications of one connection to the live feed ({@code GET /api/share/{token}/sites/{id}/realtime},
     * Server-Sent Events): {@code analytics.changed} with the kinds and counts that changed, or {@code analytics.resync}.
     * The feed carries notices, never the analytics, and HitKeep keeps it open; this request reads until the server
     * or the request's {@code timeout} ends the connection, so set one. HitKeep marks the route internal.
     */
    public RealtimeSnapshotRequest realtime(String siteId) {
        return new RealtimeSnapshotRequest(client, token, siteId);
    }

    // ---- events ---------------------------------------------------------------------------------

    /** Custom event names seen in the window ({@code GET /api/share/{token}/sites/{id}/events/names}). */
    public RangeRequest<List<String>> eventNames(String siteId) {
        return range("/api/share/{token}/sites/{id}/events/names", client.context().listOf(String.class), siteId);
    }

    /** Property keys sent with an event ({@code GET /api/share/{token}/sites/{id}/events/properties}). */
    public RangeRequest<List<String>> eventProperties(String siteId, String eventName) {
        return range("/api/share/{token}/sites/{id}/events/properties", client.context().listOf(String.class), siteId)
                .param("event_name", Inputs.text("eventName", eventName));
    }

    /** Counts per value of one event property ({@code GET /api/share/{token}/sites/{id}/events/breakdown}). */
    public RangeRequest<List<MetricStat>> eventBreakdown(String siteId, String eventName, String propertyKey) {
        return range("/api/share/{token}/sites/{id}/events/breakdown", client.context().listOf(MetricStat.class),
                siteId)
                .param("event_name", Inputs.text("eventName", eventName))
                .param("property_key", Inputs.text("propertyKey", propertyKey));
    }

    /** An event's count over time ({@code GET /api/share/{token}/sites/{id}/events/timeseries}). */
    public EventRequest<List<EventSeriesPoint>> eventTimeseries(String siteId, String eventName) {
        return new EventRequest<>(client, "/api/share/{token}/sites/{id}/events/timeseries", RouteAuth.SHARE_TOKEN,
                site(siteId),
                eventName, client.context().listOf(EventSeriesPoint.class));
    }

    /** Who sent an event: top pages, referrers, countries… ({@code GET /api/share/{token}/sites/{id}/events/audience}). */
    public EventRequest<EventAudience> eventAudience(String siteId, String eventName) {
        return new EventRequest<>(client, "/api/share/{token}/sites/{id}/events/audience", RouteAuth.SHARE_TOKEN,
                site(siteId),
                eventName, client.context().json(EventAudience.class));
    }

    // ---- goals and funnels ----------------------------------------------------------------------

    /** The site's goals ({@code GET /api/share/{token}/sites/{id}/goals}). */
    public HitKeepCall<List<Goal>> goals(String siteId) {
        return call("/api/share/{token}/sites/{id}/goals", client.context().listOf(Goal.class), siteId);
    }

    /** Conversions over time, of all goals ({@code GET /api/share/{token}/sites/{id}/goals/timeseries}). */
    public RangeRequest<List<GoalSeriesPoint>> goalTimeseries(String siteId) {
        return range("/api/share/{token}/sites/{id}/goals/timeseries", client.context().listOf(GoalSeriesPoint.class),
                siteId);
    }

    /** Conversions over time of one goal ({@code goal_id}). */
    public RangeRequest<List<GoalSeriesPoint>> goalTimeseries(String siteId, String goalId) {
        return goalTimeseries(siteId).param("goal_id", Inputs.uuid("goalId", goalId));
    }

    /** The site's funnels ({@code GET /api/share/{token}/sites/{id}/funnels}). */
    public HitKeepCall<List<Funnel>> funnels(String siteId) {
        return call("/api/share/{token}/sites/{id}/funnels", client.context().listOf(Funnel.class), siteId);
    }

    /** Funnel entries and completions over time ({@code GET /api/share/{token}/sites/{id}/funnels/timeseries}). */
    public RangeRequest<List<FunnelSeriesPoint>> funnelTimeseries(String siteId) {
        return range("/api/share/{token}/sites/{id}/funnels/timeseries",
                client.context().listOf(FunnelSeriesPoint.class), siteId);
    }

    /** Entries and completions over time of one funnel ({@code funnel_id}). */
    public RangeRequest<List<FunnelSeriesPoint>> funnelTimeseries(String siteId, String funnelId) {
        return funnelTimeseries(siteId).param("funnel_id", Inputs.uuid("funnelId", funnelId));
    }

    /** Step-by-step conversion of one funnel ({@code GET /api/share/{token}/sites/{id}/funnels/{funnelID}/stats}). */
    public RangeRequest<FunnelStats> funnelStats(String siteId, String funnelId) {
        return new RangeRequest<>(client, "GET", "/api/share/{token}/sites/{id}/funnels/{funnelID}/stats",
                RouteAuth.SHARE_TOKEN,
                new Object[] {token, siteId, funnelId}, client.context().json(FunnelStats.class));
    }

    // ---- Web Vitals -----------------------------------------------------------------------------

    /** p75 and rating counts per metric ({@code GET /api/share/{token}/sites/{id}/web-vitals/summary}). */
    public WebVitalsRequest<List<WebVitalSummaryMetric>> webVitalsSummary(String siteId) {
        return webVitals("/api/share/{token}/sites/{id}/web-vitals/summary", siteId, false,
                client.context().listOf(WebVitalSummaryMetric.class));
    }

    /** One metric over time ({@code GET /api/share/{token}/sites/{id}/web-vitals/timeseries}). */
    public WebVitalsRequest<List<WebVitalSeriesPoint>> webVitalsTimeseries(String siteId, WebVitalMetric metric) {
        return webVitals("/api/share/{token}/sites/{id}/web-vitals/timeseries", siteId, false,
                client.context().listOf(WebVitalSeriesPoint.class)).metric(metric);
    }

    /** One metric per page ({@code GET /api/share/{token}/sites/{id}/web-vitals/pages}). */
    public WebVitalsRequest<List<WebVitalPageRow>> webVitalsPages(String siteId, WebVitalMetric metric) {
        return webVitals("/api/share/{token}/sites/{id}/web-vitals/pages", siteId, true,
                client.context().listOf(WebVitalPageRow.class)).metric(metric);
    }

    /** One metric per browser, country, device… ({@code GET /api/share/{token}/sites/{id}/web-vitals/breakdown}). */
    public WebVitalsRequest<List<WebVitalDimensionRow>> webVitalsBreakdown(String siteId, WebVitalMetric metric,
            WebVitalDimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        return webVitals("/api/share/{token}/sites/{id}/web-vitals/breakdown", siteId, true,
                client.context().listOf(WebVitalDimensionRow.class))
                .metric(metric)
                .param("dimension", dimension.value());
    }

    // ---- ecommerce (not in HitKeep's OpenAPI document) -------------------------------------------

    /** Revenue, orders and conversion ({@code GET /api/share/{token}/sites/{id}/ecommerce}). */
    public EcommerceRequest<EcommerceSummary> ecommerce(String siteId) {
        return ecommerce("/api/share/{token}/sites/{id}/ecommerce", siteId,
                client.context().json(EcommerceSummary.class));
    }

    /** Revenue and orders over time ({@code GET /api/share/{token}/sites/{id}/ecommerce/timeseries}). */
    public EcommerceRequest<List<EcommerceSeriesPoint>> ecommerceTimeseries(String siteId) {
        return ecommerce("/api/share/{token}/sites/{id}/ecommerce/timeseries", siteId,
                client.context().listOf(EcommerceSeriesPoint.class));
    }

    /** Top products ({@code GET /api/share/{token}/sites/{id}/ecommerce/products}; {@code limit} default 10). */
    public EcommerceRequest<List<EcommerceProductStat>> ecommerceProducts(String siteId) {
        return ecommerce("/api/share/{token}/sites/{id}/ecommerce/products", siteId,
                client.context().listOf(EcommerceProductStat.class));
    }

    /** Top traffic sources by revenue ({@code GET /api/share/{token}/sites/{id}/ecommerce/sources}; {@code limit} default 10). */
    public EcommerceRequest<List<EcommerceSourceStat>> ecommerceSources(String siteId) {
        return ecommerce("/api/share/{token}/sites/{id}/ecommerce/sources", siteId,
                client.context().listOf(EcommerceSourceStat.class));
    }

    // ---- opportunities and QR campaigns ---------------------------------------------------------

    /** The site's saved opportunities ({@code GET /api/share/{token}/sites/{id}/opportunities}). */
    public HitKeepCall<List<Opportunity>> opportunities(String siteId) {
        return call("/api/share/{token}/sites/{id}/opportunities",
                JsonReaders.listField("opportunities", Opportunity.class), siteId);
    }

    /** The site's QR codes ({@code GET /api/share/{token}/sites/{id}/qr-codes}). */
    public HitKeepCall<List<QrCode>> qrCodes(String siteId) {
        return call("/api/share/{token}/sites/{id}/qr-codes", client.context().listOf(QrCode.class), siteId);
    }

    /** One QR code ({@code GET /api/share/{token}/sites/{id}/qr-codes/{qrID}}). */
    public HitKeepCall<QrCode> qrCode(String siteId, String qrCodeId) {
        return new HitKeepCall<>(client, "GET", "/api/share/{token}/sites/{id}/qr-codes/{qrID}", RouteAuth.SHARE_TOKEN,
                new Object[] {token, siteId, qrCodeId}, client.context().json(QrCode.class));
    }

    /** A QR code's graphic ({@code GET /api/share/{token}/sites/{id}/qr-codes/{qrID}/asset}). */
    public DownloadRequest qrCodeAsset(String siteId, String qrCodeId) {
        return new DownloadRequest(client, "/api/share/{token}/sites/{id}/qr-codes/{qrID}/asset", RouteAuth.SHARE_TOKEN,
                token, siteId, qrCodeId);
    }

    /** A QR code's opens over time ({@code GET /api/share/{token}/sites/{id}/qr-codes/{qrID}/opens/timeseries}). */
    public RangeRequest<List<QrCodeOpenSeriesPoint>> qrCodeOpens(String siteId, String qrCodeId) {
        return new RangeRequest<>(client, "GET", "/api/share/{token}/sites/{id}/qr-codes/{qrID}/opens/timeseries",
                RouteAuth.SHARE_TOKEN, new Object[] {token, siteId, qrCodeId},
                client.context().listOf(QrCodeOpenSeriesPoint.class));
    }

    /** A QR code's opens and the visits they brought ({@code GET /api/share/{token}/sites/{id}/qr-codes/{qrID}/summary}). */
    public RangeRequest<QrCodeSummary> qrCodeSummary(String siteId, String qrCodeId) {
        return new RangeRequest<>(client, "GET", "/api/share/{token}/sites/{id}/qr-codes/{qrID}/summary",
                RouteAuth.SHARE_TOKEN,
                new Object[] {token, siteId, qrCodeId}, client.context().json(QrCodeSummary.class));
    }

    /** A QR code's takeout file ({@code GET /api/share/{token}/sites/{id}/qr-codes/{qrID}/takeout}). */
    public ExportRequest qrCodeTakeout(String siteId, String qrCodeId) {
        return new ExportRequest(client, "/api/share/{token}/sites/{id}/qr-codes/{qrID}/takeout", RouteAuth.SHARE_TOKEN,
                token, siteId, qrCodeId);
    }

    @Override
    public String toString() {
        return "SharedDashboard[token=██]";
    }

    /** The path values of a {@code /api/share/{token}/sites/{id}/…} route. */
    private Object[] site(String siteId) {
        return new Object[] {token, siteId};
    }

    private <T> HitKeepCall<T> call(String route, ResponseReader<T> reader, String siteId) {
        return new HitKeepCall<>(client, "GET", route, RouteAuth.SHARE_TOKEN, site(siteId), reader);
    }

    private <T> RangeRequest<T> range(String route, ResponseReader<T> reader, String siteId) {
        return new RangeRequest<>(client, "GET", route, RouteAuth.SHARE_TOKEN, site(siteId), reader);
    }

    private <T> WebVitalsRequest<T> webVitals(String route, String siteId, boolean rows, ResponseReader<T> reader) {
        return new WebVitalsRequest<>(client, route, RouteAuth.SHARE_TOKEN, site(siteId), rows, reader);
    }

    private <T> EcommerceRequest<T> ecommerce(String route, String siteId, ResponseReader<T> reader) {
        return new EcommerceRequest<>(client, route, RouteAuth.SHARE_TOKEN, site(siteId), reader);
    }

    /** One connection to the shared live feed, read until it ends; optional {@code Last-Event-ID}. */
    public static final class RealtimeSnapshotRequest
            extends
                HitKeepRequest<List<RealtimeEvent>, RealtimeSnapshotRequest> {
        RealtimeSnapshotRequest(HitKeep client, String token, String siteId) {
            super(client, "GET", "/api/share/{token}/sites/{id}/realtime", RouteAuth.SHARE_TOKEN,
                    new Object[] {token, siteId},
                    RealtimeRequest.collect(client.context().provider().mapper()));
            endpointHeader("Accept", "text/event-stream");
            endpointHeader("Cache-Control", "no-cache");
        }

        /** Resumes after this event id: HitKeep replays the events since, or sends {@code analytics.resync} first. */
        public RealtimeSnapshotRequest lastEventId(String id) {
            return endpointHeader("Last-Event-ID", Inputs.text("lastEventId", id));
        }
    }
}
