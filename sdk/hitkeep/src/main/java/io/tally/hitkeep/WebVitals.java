package io.tally.hitkeep;

import io.tally.hitkeep.model.WebVitalDimension;
import io.tally.hitkeep.model.WebVitalDimensionRow;
import io.tally.hitkeep.model.WebVitalMetric;
import io.tally.hitkeep.model.WebVitalPageRow;
import io.tally.hitkeep.model.WebVitalSeriesPoint;
import io.tally.hitkeep.model.WebVitalSummaryMetric;
import java.util.List;
import java.util.Objects;

/**
 * Core Web Vitals (LCP, INP, CLS, FCP, TTFB) measured by the tracker: a summary, a metric's series, the pages
 * and the dimensions it is worst on. The series, pages and breakdown need a metric, which HitKeep requires
 * although its OpenAPI document marks it optional. Needs {@code site.view}; accepts an API token or a session.
 *
 * <pre>{@code
 * List<WebVitalPageRow> slowest = hitkeep.webVitals().pages(siteId, WebVitalMetric.LCP)
 *     .range(DateRange.lastDays(7)).rating(WebVitalRating.POOR).limit(10).execute();
 * }</pre>
 */
public final class WebVitals {
    private final HitKeep client;

    WebVitals(HitKeep client) {
        this.client = client;
    }

    /** The 75th percentile and rating counts of every metric, or of one ({@code GET /api/sites/{id}/web-vitals/summary}). */
    public WebVitalsRequest<List<WebVitalSummaryMetric>> summary(String siteId) {
        return new WebVitalsRequest<>(client, "/api/sites/{id}/web-vitals/summary", siteId, false,
                client.context().listOf(WebVitalSummaryMetric.class));
    }

    /** A metric's 75th percentile per time bucket ({@code GET /api/sites/{id}/web-vitals/timeseries}). */
    public WebVitalsRequest<List<WebVitalSeriesPoint>> timeseries(String siteId, WebVitalMetric metric) {
        return new WebVitalsRequest<>(client, "/api/sites/{id}/web-vitals/timeseries", siteId, false,
                client.context().listOf(WebVitalSeriesPoint.class)).metric(metric);
    }

    /** A metric per page, worst first ({@code GET /api/sites/{id}/web-vitals/pages}). */
    public WebVitalsRequest<List<WebVitalPageRow>> pages(String siteId, WebVitalMetric metric) {
        return new WebVitalsRequest<>(client, "/api/sites/{id}/web-vitals/pages", siteId, true,
                client.context().listOf(WebVitalPageRow.class)).metric(metric);
    }

    /** A metric per value of a dimension: browser, country, device… ({@code GET /api/sites/{id}/web-vitals/breakdown}). */
    public WebVitalsRequest<List<WebVitalDimensionRow>> breakdown(String siteId, WebVitalMetric metric,
            WebVitalDimension dimension) {
        return new WebVitalsRequest<>(client, "/api/sites/{id}/web-vitals/breakdown", siteId, true,
                client.context().listOf(WebVitalDimensionRow.class))
                .metric(metric)
                .param("dimension", Objects.requireNonNull(dimension, "dimension").value());
    }
}
