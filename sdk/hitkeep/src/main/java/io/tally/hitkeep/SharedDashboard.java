package io.tally.hitkeep;

import io.tally.core.ResponseReader;
import io.tally.core.paging.AutoPager;
import io.tally.core.paging.Page;
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
import io.tally.hitkeep.model.Hit;
import io.tally.hitkeep.model.HitPage;
import io.tally.hitkeep.model.HitSort;
import io.tally.hitkeep.model.MetricStat;
import io.tally.hitkeep.model.Opportunity;
import io.tally.hitkeep.model.QrCode;
import io.tally.hitkeep.model.QrCodeOpenSeriesPoint;
import io.tally.hitkeep.model.QrCodeSummary;
import io.tally.hitkeep.model.RealtimeEvent;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteStats;
import io.tally.hitkeep.model.WebVitalDimension;
import io.tally.hitkeep.model.WebVitalDimensionRow;
import io.tally.hitkeep.model.WebVitalMetric;
import io.tally.hitkeep.model.WebVitalPageRow;
import io.tally.hitkeep.model.WebVitalRating;
import io.tally.hitkeep.model.WebVitalSeriesPoint;
import io.tally.hitkeep.model.WebVitalSummaryMetric;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * of the shared site ({@link #site()}); any other id is answered 404. The answers have the same shape as
 * the authenticated routes' ({@code sites().stats(…)} and so on). The four ecommerce routes are missing
 * from HitKeep's OpenAPI document; their inputs and answers are those of the authenticated ecommerce routes.
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

    /** Traffic over a window ({@code GET /api/share/{token}/sites/{id}/stats}). */
    public StatsRequest stats(String siteId) {
        return new StatsRequest(client, token, siteId);
    }

    /** Raw hits, paged ({@code GET /api/share/{token}/sites/{id}/hits}); the last 24 hours without a window. */
    public HitsRequest hits(String siteId) {
        return new HitsRequest(client, token, siteId);
    }

    /** Raw hits as a file ({@code GET /api/share/{token}/sites/{id}/hits/export}; csv unless a format is set). */
    public HitsExportRequest exportHits(String siteId) {
        return new HitsExportRequest(client, token, siteId);
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
    public RangeQuery<List<String>> eventNames(String siteId) {
        return range("/api/share/{token}/sites/{id}/events/names", client.context().listOf(String.class), siteId);
    }

    /** Property keys sent with an event ({@code GET /api/share/{token}/sites/{id}/events/properties}). */
    public RangeQuery<List<String>> eventProperties(String siteId, String eventName) {
        return range("/api/share/{token}/sites/{id}/events/properties", client.context().listOf(String.class), siteId)
                .param("event_name", Inputs.text("eventName", eventName));
    }

    /** Counts per value of one event property ({@code GET /api/share/{token}/sites/{id}/events/breakdown}). */
    public RangeQuery<List<MetricStat>> eventBreakdown(String siteId, String eventName, String propertyKey) {
        return range("/api/share/{token}/sites/{id}/events/breakdown", client.context().listOf(MetricStat.class), siteId)
                .param("event_name", Inputs.text("eventName", eventName))
                .param("property_key", Inputs.text("propertyKey", propertyKey));
    }

    /** An event's count over time ({@code GET /api/share/{token}/sites/{id}/events/timeseries}). */
    public EventRequest<List<EventSeriesPoint>> eventTimeseries(String siteId, String eventName) {
        return new EventRequest<>(client, "/api/share/{token}/sites/{id}/events/timeseries", token, siteId, eventName,
                client.context().listOf(EventSeriesPoint.class));
    }

    /** Who sent an event: top pages, referrers, countries… ({@code GET /api/share/{token}/sites/{id}/events/audience}). */
    public EventRequest<EventAudience> eventAudience(String siteId, String eventName) {
        return new EventRequest<>(client, "/api/share/{token}/sites/{id}/events/audience", token, siteId, eventName,
                client.context().json(EventAudience.class));
    }

    // ---- goals and funnels ----------------------------------------------------------------------

    /** The site's goals ({@code GET /api/share/{token}/sites/{id}/goals}). */
    public HitKeepCall<List<Goal>> goals(String siteId) {
        return call("/api/share/{token}/sites/{id}/goals", client.context().listOf(Goal.class), siteId);
    }

    /** Conversions over time, of all goals ({@code GET /api/share/{token}/sites/{id}/goals/timeseries}). */
    public RangeQuery<List<GoalSeriesPoint>> goalTimeseries(String siteId) {
        return range("/api/share/{token}/sites/{id}/goals/timeseries", client.context().listOf(GoalSeriesPoint.class), siteId);
    }

    /** Conversions over time of one goal ({@code goal_id}). */
    public RangeQuery<List<GoalSeriesPoint>> goalTimeseries(String siteId, String goalId) {
        return goalTimeseries(siteId).param("goal_id", Inputs.uuid("goalId", goalId));
    }

    /** The site's funnels ({@code GET /api/share/{token}/sites/{id}/funnels}). */
    public HitKeepCall<List<Funnel>> funnels(String siteId) {
        return call("/api/share/{token}/sites/{id}/funnels", client.context().listOf(Funnel.class), siteId);
    }

    /** Funnel entries and completions over time ({@code GET /api/share/{token}/sites/{id}/funnels/timeseries}). */
    public RangeQuery<List<FunnelSeriesPoint>> funnelTimeseries(String siteId) {
        return range("/api/share/{token}/sites/{id}/funnels/timeseries", client.context().listOf(FunnelSeriesPoint.class), siteId);
    }

    /** Entries and completions over time of one funnel ({@code funnel_id}). */
    public RangeQuery<List<FunnelSeriesPoint>> funnelTimeseries(String siteId, String funnelId) {
        return funnelTimeseries(siteId).param("funnel_id", Inputs.uuid("funnelId", funnelId));
    }

    /** Step-by-step conversion of one funnel ({@code GET /api/share/{token}/sites/{id}/funnels/{funnelID}/stats}). */
    public RangeQuery<FunnelStats> funnelStats(String siteId, String funnelId) {
        return new RangeQuery<>(client, "GET", "/api/share/{token}/sites/{id}/funnels/{funnelID}/stats", RouteAuth.SHARE_TOKEN,
                new Object[] {token, siteId, funnelId}, client.context().json(FunnelStats.class));
    }

    // ---- Web Vitals -----------------------------------------------------------------------------

    /** p75 and rating counts per metric ({@code GET /api/share/{token}/sites/{id}/web-vitals/summary}). */
    public WebVitalsRequest<List<WebVitalSummaryMetric>> webVitalsSummary(String siteId) {
        return webVitals("/api/share/{token}/sites/{id}/web-vitals/summary", siteId, null,
                client.context().listOf(WebVitalSummaryMetric.class));
    }

    /** One metric over time ({@code GET /api/share/{token}/sites/{id}/web-vitals/timeseries}). */
    public WebVitalsRequest<List<WebVitalSeriesPoint>> webVitalsTimeseries(String siteId, WebVitalMetric metric) {
        return webVitals("/api/share/{token}/sites/{id}/web-vitals/timeseries", siteId, Objects.requireNonNull(metric, "metric"),
                client.context().listOf(WebVitalSeriesPoint.class));
    }

    /** One metric per page ({@code GET /api/share/{token}/sites/{id}/web-vitals/pages}). */
    public WebVitalsRequest<List<WebVitalPageRow>> webVitalsPages(String siteId, WebVitalMetric metric) {
        return webVitals("/api/share/{token}/sites/{id}/web-vitals/pages", siteId, Objects.requireNonNull(metric, "metric"),
                client.context().listOf(WebVitalPageRow.class));
    }

    /** One metric per browser, country, device… ({@code GET /api/share/{token}/sites/{id}/web-vitals/breakdown}). */
    public WebVitalsRequest<List<WebVitalDimensionRow>> webVitalsBreakdown(String siteId, WebVitalMetric metric,
                                                                           WebVitalDimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        WebVitalsRequest<List<WebVitalDimensionRow>> r = webVitals("/api/share/{token}/sites/{id}/web-vitals/breakdown", siteId,
                Objects.requireNonNull(metric, "metric"), client.context().listOf(WebVitalDimensionRow.class));
        return r.param("dimension", dimension.value());
    }

    // ---- ecommerce (not in HitKeep's OpenAPI document) -------------------------------------------

    /** Revenue, orders and conversion ({@code GET /api/share/{token}/sites/{id}/ecommerce}). */
    public EcommerceRequest<EcommerceSummary> ecommerce(String siteId) {
        return ecommerce("/api/share/{token}/sites/{id}/ecommerce", siteId, client.context().json(EcommerceSummary.class));
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
        return call("/api/share/{token}/sites/{id}/opportunities", JsonReaders.listField("opportunities", Opportunity.class), siteId);
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
    public RangeQuery<List<QrCodeOpenSeriesPoint>> qrCodeOpens(String siteId, String qrCodeId) {
        return new RangeQuery<>(client, "GET", "/api/share/{token}/sites/{id}/qr-codes/{qrID}/opens/timeseries",
                RouteAuth.SHARE_TOKEN, new Object[] {token, siteId, qrCodeId}, client.context().listOf(QrCodeOpenSeriesPoint.class));
    }

    /** A QR code's opens and the visits they brought ({@code GET /api/share/{token}/sites/{id}/qr-codes/{qrID}/summary}). */
    public RangeQuery<QrCodeSummary> qrCodeSummary(String siteId, String qrCodeId) {
        return new RangeQuery<>(client, "GET", "/api/share/{token}/sites/{id}/qr-codes/{qrID}/summary", RouteAuth.SHARE_TOKEN,
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

    private <T> HitKeepCall<T> call(String route, ResponseReader<T> reader, String siteId) {
        return new HitKeepCall<>(client, "GET", route, RouteAuth.SHARE_TOKEN, new Object[] {token, siteId}, reader);
    }

    private <T> RangeQuery<T> range(String route, ResponseReader<T> reader, String siteId) {
        return new RangeQuery<>(client, "GET", route, RouteAuth.SHARE_TOKEN, new Object[] {token, siteId}, reader);
    }

    private <T> WebVitalsRequest<T> webVitals(String route, String siteId, WebVitalMetric metric, ResponseReader<T> reader) {
        WebVitalsRequest<T> r = new WebVitalsRequest<>(client, route, token, siteId, reader);
        return metric == null ? r : r.metric(metric);
    }

    private <T> EcommerceRequest<T> ecommerce(String route, String siteId, ResponseReader<T> reader) {
        return new EcommerceRequest<>(client, route, token, siteId, reader);
    }

    /** One connection to the shared live feed, read until it ends; optional {@code Last-Event-ID}. */
    public static final class RealtimeSnapshotRequest extends HitKeepRequest<List<RealtimeEvent>, RealtimeSnapshotRequest> {
        RealtimeSnapshotRequest(HitKeep client, String token, String siteId) {
            super(client, "GET", "/api/share/{token}/sites/{id}/realtime", RouteAuth.SHARE_TOKEN, new Object[] {token, siteId},
                    events(client.context().provider().mapper()));
            endpointHeader("Accept", "text/event-stream");
            endpointHeader("Cache-Control", "no-cache");
        }

        /** Resumes after this event id: HitKeep replays the events since, or sends {@code analytics.resync} first. */
        public RealtimeSnapshotRequest lastEventId(String id) {
            return endpointHeader("Last-Event-ID", Inputs.text("lastEventId", id));
        }

        private static ResponseReader<List<RealtimeEvent>> events(com.fasterxml.jackson.databind.ObjectMapper mapper) {
            return response -> {
                List<RealtimeEvent> events = new java.util.ArrayList<>();
                SseParser.parse(response.stream(), new SseParser.Sink() {
                    @Override
                    public void event(String lastEventId, String type, String data) {
                        events.add(RealtimeRequest.decode(mapper, lastEventId, type, data));
                    }

                    @Override
                    public void retry(long millis) {
                    }

                    @Override
                    public void comment(String text) {
                    }

                    @Override
                    public void lastEventId(String id) {
                    }
                });
                return java.util.Collections.unmodifiableList(events);
            };
        }
    }

    /** Shared site stats: window, filters, and sessions that converted on goals or entered funnels. */
    public static final class StatsRequest extends AnalyticsRequest<SiteStats, StatsRequest> {
        StatsRequest(HitKeep client, String token, String siteId) {
            super(client, "GET", "/api/share/{token}/sites/{id}/stats", RouteAuth.SHARE_TOKEN, new Object[] {token, siteId},
                    client.context().json(SiteStats.class));
        }

        /** Keeps only sessions that converted on this goal ({@code goal_id}); repeat for several. */
        public StatsRequest goal(String goalId) {
            return addQuery("goal_id", Inputs.uuid("goalId", goalId));
        }

        /** Keeps only sessions that entered this funnel ({@code funnel_id}); repeat for several. */
        public StatsRequest funnel(String funnelId) {
            return addQuery("funnel_id", Inputs.uuid("funnelId", funnelId));
        }
    }

    /** Shared raw hits: window, filters, search, sort, paging and {@link #autoPage()}. */
    public static final class HitsRequest extends AnalyticsRequest<HitPage, HitsRequest> {
        /** The largest page HitKeep serves. */
        public static final int MAX_PAGE_SIZE = 100;

        private int pageSize = -1;
        private long offset;

        HitsRequest(HitKeep client, String token, String siteId) {
            super(client, "GET", "/api/share/{token}/sites/{id}/hits", RouteAuth.SHARE_TOKEN, new Object[] {token, siteId},
                    client.context().json(HitPage.class));
        }

        /** Hits per page, 1–100 ({@code limit}; HitKeep's default is 10). */
        public HitsRequest pageSize(int pageSize) {
            Admin.requireRange(pageSize, 1, MAX_PAGE_SIZE, "pageSize");
            this.pageSize = pageSize;
            return query("limit", pageSize);
        }

        /** The same as {@link #pageSize(int)}. */
        @Override
        public HitsRequest limit(int limit) {
            return pageSize(limit);
        }

        /** Hits to skip, at least 0. */
        public HitsRequest offset(long offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be at least 0, got " + offset);
            }
            this.offset = offset;
            return query("offset", offset);
        }

        /** Only hits whose path, hostname, referrer, user agent, UTM values or QR id contain {@code text} ({@code q}). */
        public HitsRequest search(String text) {
            return query("q", text == null || text.isEmpty() ? null : text);
        }

        /** What to sort by: timestamp (default), path or referrer. */
        public HitsRequest sort(HitSort sort) {
            return query("sort", Objects.requireNonNull(sort, "sort").value());
        }

        /** Oldest / A-to-Z first. */
        public HitsRequest ascending() {
            return query("order", "asc");
        }

        /** Newest / Z-to-A first (the default). */
        public HitsRequest descending() {
            return query("order", "desc");
        }

        /** Every matching hit from the offset on, page by page (100 per page unless set). */
        public AutoPager<Hit> autoPage() {
            int size = pageSize > 0 ? pageSize : MAX_PAGE_SIZE;
            return AutoPager.offsetLimit(offset, size, (position, n) -> {
                Map<String, String> page = new HashMap<>();
                page.put("limit", String.valueOf(n));
                page.put("offset", String.valueOf(position));
                HitPage result = executeWithQuery(page);
                return Page.of(result.data(), result.total());
            });
        }
    }

    /** Shared hit export: window, filters, search and format (csv by default). See {@link FileRequest} for the target. */
    public static final class HitsExportRequest extends FileRequest<HitsExportRequest> {
        HitsExportRequest(HitKeep client, String token, String siteId) {
            super(client, "/api/share/{token}/sites/{id}/hits/export", RouteAuth.SHARE_TOKEN, new Object[] {token, siteId},
                    new DownloadTarget());
        }

        /** Both bounds of the window. */
        public HitsExportRequest range(io.tally.core.time.DateRange range) {
            query("from", range.from());
            return query("to", range.to());
        }

        /** Adds a filter; several are AND-combined. */
        public HitsExportRequest filter(Filter filter) {
            return addQuery("filter", Objects.requireNonNull(filter, "filter"));
        }

        /** Only hits containing {@code text} ({@code q}). */
        public HitsExportRequest search(String text) {
            return query("q", text == null || text.isEmpty() ? null : text);
        }

        /** The file format. */
        public HitsExportRequest format(ExportFormat format) {
            return query("format", Objects.requireNonNull(format, "format").value());
        }
    }

    /**
     * A shared event read: window, hit filters, and an optional event property ({@code property_key} and
     * {@code property_value}) that restricts the events counted.
     *
     * @param <T> what the request returns
     */
    public static final class EventRequest<T> extends AnalyticsRequest<T, EventRequest<T>> {
        EventRequest(HitKeep client, String route, String token, String siteId, String eventName, ResponseReader<T> reader) {
            super(client, "GET", route, RouteAuth.SHARE_TOKEN, new Object[] {token, siteId}, reader);
            query("event_name", Inputs.text("eventName", eventName));
        }

        /** Only events whose property {@code key} has {@code value}. */
        public EventRequest<T> property(String key, String value) {
            query("property_key", Inputs.text("key", key));
            return query("property_value", Inputs.text("value", value));
        }
    }

    /**
     * A shared Web Vitals read: window, {@code metric}, {@code rating}, exact normalised {@code path} and
     * {@code limit} (pages and breakdown; default 25).
     *
     * @param <T> what the request returns
     */
    public static final class WebVitalsRequest<T> extends AnalyticsRequest<T, WebVitalsRequest<T>> {
        /** At most this many pages or breakdown rows (HitKeep default 25). */
        @Override
        public WebVitalsRequest<T> limit(int limit) {
            return super.limit(limit);
        }

        WebVitalsRequest(HitKeep client, String route, String token, String siteId, ResponseReader<T> reader) {
            super(client, "GET", route, RouteAuth.SHARE_TOKEN, new Object[] {token, siteId}, reader);
        }

        /** The metric (required by timeseries, pages and breakdown, which set it). */
        public WebVitalsRequest<T> metric(WebVitalMetric metric) {
            return query("metric", Objects.requireNonNull(metric, "metric").value());
        }

        /** Only samples with this rating. */
        public WebVitalsRequest<T> rating(WebVitalRating rating) {
            return query("rating", Objects.requireNonNull(rating, "rating").value());
        }

        /** Only this exact normalised path. */
        public WebVitalsRequest<T> path(String path) {
            return query("path", Inputs.text("path", path));
        }

        WebVitalsRequest<T> param(String name, Object value) {
            return query(name, value);
        }
    }

    /**
     * A shared ecommerce read: window, hit filters, one product ({@code item_id} or {@code item_name}) and
     * {@code limit} (products and sources; default 10).
     *
     * @param <T> what the request returns
     */
    public static final class EcommerceRequest<T> extends AnalyticsRequest<T, EcommerceRequest<T>> {
        /** At most this many products or sources (HitKeep default 10). */
        @Override
        public EcommerceRequest<T> limit(int limit) {
            return super.limit(limit);
        }

        EcommerceRequest(HitKeep client, String route, String token, String siteId, ResponseReader<T> reader) {
            super(client, "GET", route, RouteAuth.SHARE_TOKEN, new Object[] {token, siteId}, reader);
        }

        /** Only orders of this product id. */
        public EcommerceRequest<T> itemId(String itemId) {
            return query("item_id", Inputs.text("itemId", itemId));
        }

        /** Only orders of this product name. */
        public EcommerceRequest<T> itemName(String itemName) {
            return query("item_name", Inputs.text("itemName", itemName));
        }
    }
}
