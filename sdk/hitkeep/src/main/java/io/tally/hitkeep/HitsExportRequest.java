package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.time.DateRange;
import java.util.Collection;
import java.util.Objects;

/**
 * A site's raw pageviews as a file ({@code GET /api/sites/{id}/hits/export}), CSV unless
 * {@link #format(ExportFormat)} says otherwise, with the same window, filters and search as
 * {@link HitsRequest}. Stream large exports instead of holding them in memory:
 *
 * <pre>{@code
 * Download export = hitkeep.sites().exportHits(siteId)
 *     .range(DateRange.lastDays(30))
 *     .format(ExportFormat.PARQUET)
 *     .into(Paths.get("hits.parquet"))
 *     .execute();
 * }</pre>
 *
 * <p>Without a window HitKeep exports the last 24 hours. Needs {@code site.view}; team API clients get 401
 * here (HitKeep reference §2.6). {@link SharedDashboard#exportHits(String)} returns this request for
 * {@code GET /api/share/{token}/sites/{id}/hits/export}, which takes the same inputs and sends no credentials.
 */
public final class HitsExportRequest extends FileRequest<HitsExportRequest>
        implements
            WindowedRequest<HitsExportRequest> {
    HitsExportRequest(HitKeep client, String siteId) {
        this(client, "/api/sites/{id}/hits/export", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {Inputs.id("siteId", siteId)});
    }

    HitsExportRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object[] pathValues) {
        super(client, pathTemplate, auth, pathValues, new DownloadTarget());
    }

    /** The file format ({@code format}); HitKeep's default for hit exports is CSV. */
    public HitsExportRequest format(ExportFormat format) {
        return query("format", Objects.requireNonNull(format, "format").value());
    }

    /** Adds a filter; several are AND-combined. */
    public HitsExportRequest filter(Filter filter) {
        return addQuery("filter", Objects.requireNonNull(filter, "filter"));
    }

    /** Adds filters; several are AND-combined. */
    public HitsExportRequest filters(Collection<Filter> filters) {
        for (Filter f : filters) {
            filter(f);
        }
        return self();
    }

    /** Only hits matching this text, as {@link HitsRequest#search(String)} ({@code q}). */
    public HitsExportRequest search(String text) {
        return query("q", text == null || text.isEmpty() ? null : text);
    }
}
