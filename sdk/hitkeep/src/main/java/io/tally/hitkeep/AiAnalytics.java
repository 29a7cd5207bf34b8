package io.tally.hitkeep;

import io.tally.hitkeep.model.AiFetchCorrelationReport;
import io.tally.hitkeep.model.AiFetchOverview;
import io.tally.hitkeep.model.AiFetchSeriesPoint;
import java.util.List;

/**
 * How AI systems meet a site: crawler fetches (overview, series, correlation with referred visits, export) and
 * visits referred by AI chatbots (export). Crawler fetches come from the tracker and from server logs sent with
 * {@code ingest().aiFetch(…)}. Needs {@code site.view}; accepts an API token or a session.
 *
 * <pre>{@code
 * AiFetchOverview crawlers = hitkeep.ai().fetchOverview(siteId).range(DateRange.lastDays(30)).execute();
 * }</pre>
 */
public final class AiAnalytics {
    private final HitKeep client;

    AiAnalytics(HitKeep client) {
        this.client = client;
    }

    /** Fetch totals, error rates and top assistants, paths and types ({@code GET /api/sites/{id}/ai-fetch/overview}). */
    public AiFetchRequest<AiFetchOverview> fetchOverview(String siteId) {
        return new AiFetchRequest<>(client, "/api/sites/{id}/ai-fetch/overview", siteId, false,
                client.context().json(AiFetchOverview.class));
    }

    /** Fetches per time bucket ({@code GET /api/sites/{id}/ai-fetch/timeseries}). */
    public AiFetchRequest<List<AiFetchSeriesPoint>> fetchTimeseries(String siteId) {
        return new AiFetchRequest<>(client, "/api/sites/{id}/ai-fetch/timeseries", siteId, false,
                client.context().listOf(AiFetchSeriesPoint.class));
    }

    /**
     * How fetches relate to the visits AI assistants refer: citation yield, failure hotspots, opportunity pages
     * ({@code GET /api/sites/{id}/ai-fetch/correlation}).
     */
    public AiFetchRequest<AiFetchCorrelationReport> fetchCorrelation(String siteId) {
        return new AiFetchRequest<>(client, "/api/sites/{id}/ai-fetch/correlation", siteId, true,
                client.context().json(AiFetchCorrelationReport.class));
    }

    /** Crawler fetches as a file ({@code GET /api/sites/{id}/ai-fetch/export}); team API clients get 401 here (reference §2.6). */
    public AiFetchExportRequest exportFetches(String siteId) {
        return new AiFetchExportRequest(client, siteId);
    }

    /**
     * Visits referred by AI chatbots as a file ({@code GET /api/sites/{id}/ai-chatbots/export}); team API clients get
     * 401 here (reference §2.6).
     */
    public ChatbotExportRequest exportChatbotVisits(String siteId) {
        return new ChatbotExportRequest(client, siteId);
    }
}
