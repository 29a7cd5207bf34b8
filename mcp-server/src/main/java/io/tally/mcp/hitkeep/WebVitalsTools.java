package io.tally.mcp.hitkeep;

import static io.tally.mcp.hitkeep.HitKeepSupport.echo;
import static io.tally.mcp.tool.ToolJson.jsonList;
import static io.tally.mcp.hitkeep.HitKeepSupport.siteWindow;
import static io.tally.mcp.tool.RowLimit.truncatedLists;
import static io.tally.mcp.hitkeep.HitKeepSupport.windowEcho;

import io.tally.hitkeep.WebVitals;
import io.tally.hitkeep.WebVitalsRequest;
import io.tally.hitkeep.model.WebVitalDimension;
import io.tally.hitkeep.model.WebVitalMetric;
import io.tally.hitkeep.model.WebVitalRating;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code hitkeep_get_web_vitals}. */
final class WebVitalsTools {
    private static final List<String> METRICS = List.of("LCP", "INP", "CLS", "FCP", "TTFB");
    private static final List<String> RATINGS = List.of("good", "needs_improvement", "poor");
    private static final List<String> DIMENSIONS = List.of("browser", "country", "language", "device", "city",
            "provider", "asn");

    private WebVitalsTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        Map<String, Object> input = siteWindow(Schema.object())
                .property("metric", Schema.enumeration("One metric (default: all for the summary, LCP for pages, "
                        + "breakdown and time series).", METRICS))
                .property("path", Schema.string("Only this exact normalised page path, e.g. /pricing."))
                .property("rating", Schema.enumeration("Only samples with this rating.", RATINGS))
                .property("include_pages", Schema.bool("Also return the metric per page, worst first."))
                .property("breakdown_dimension", Schema.enumeration("Also break the metric down by this visitor "
                        + "context.", DIMENSIONS))
                .property("include_timeseries", Schema.bool("Also return the metric's p75 over time (LCP unless "
                        + "metric says otherwise)."))
                .property("limit", HitKeepRules.RANKED.schema())
                .required("site_id")
                .closed()
                .build();
        Schema row = Schema.object()
                .property("p75", Schema.number("75th percentile (ms; CLS unitless)."))
                .property("samples", Schema.integer("Samples."))
                .property("good", Schema.integer("Good samples."))
                .property("needs_improvement", Schema.integer("Samples needing improvement."))
                .property("poor", Schema.integer("Poor samples."))
                .property("rating", Schema.string("good, needs_improvement or poor."));
        Map<String, Object> output = truncatedLists(windowEcho(Schema.object()))
                .property("summary", Schema.array("One row per metric.", row))
                .property("metric", Schema.string("The metric of the pages, breakdown and time series."))
                .property("pages", Schema.array("The metric per page, worst first (include_pages).", Schema.object()))
                .property("breakdown_dimension", Schema.string("The breakdown's dimension."))
                .property("breakdown", Schema.array("The metric per dimension value.", Schema.object()))
                .property("timeseries", Schema.array("The metric's p75 over time.", Schema.object()))
                .required("site_id", "from", "to", "summary")
                .build();
        return List.of(new ToolSpec("hitkeep_get_web_vitals", "Get HitKeep Web Vitals",
                "Read one site's Core Web Vitals (LCP, INP, CLS, FCP, TTFB) for a window: 75th percentile, sample "
                        + "counts and good / needs-improvement / poor counts per metric, optionally the slowest pages, "
                        + "a breakdown by browser, country, device and so on, or a time series for one metric. "
                        + "Times are in milliseconds; CLS is unitless.",
                input, output, true, m.siteWindow((ctx, args, siteId, window) -> {
                    Optional<String> metricName = args.optionalString("metric").map(s -> s.toUpperCase(Locale.ROOT))
                            .map(s -> {
                                if (!METRICS.contains(s)) {
                                    throw new ToolFailure("invalid metric \"" + s + "\"; expected one of "
                                            + String.join(", ", METRICS));
                                }
                                return s;
                            });
                    Optional<String> rating = args.optionalChoice("rating", RATINGS, "invalid web vital rating \"%s\"");
                    Optional<String> dimension = args.optionalChoice("breakdown_dimension", DIMENSIONS,
                            "invalid web vital breakdown dimension \"%s\"");
                    boolean pages = args.bool("include_pages", false);
                    boolean series = args.bool("include_timeseries", false);
                    RowLimit limit = HitKeepRules.RANKED.read(args);
                    WebVitals wv = m.client(ctx).webVitals();

                    Map<String, Object> out = echo(siteId, window);
                    WebVitalsRequest<?> summary = scoped(wv.summary(siteId), args, window, rating);
                    metricName.ifPresent(n -> summary.metric(WebVitalMetric.of(n)));
                    out.put("summary", jsonList((List<?>) summary.execute()));
                    WebVitalMetric metric = WebVitalMetric.of(metricName.orElse("LCP"));
                    Map<String, Object> truncated = new LinkedHashMap<>();
                    boolean detail = false;
                    if (series) {
                        out.put("timeseries",
                                jsonList(scoped(wv.timeseries(siteId, metric), args, window, rating).execute()));
                        detail = true;
                    }
                    if (pages) {
                        limit.putList(out, "pages", jsonList(scoped(wv.pages(siteId, metric), args, window, rating)
                                .limit(limit.value() + 1).execute()), truncated);
                        detail = true;
                    }
                    if (dimension.isPresent()) {
                        out.put("breakdown_dimension", dimension.get());
                        limit.putList(out, "breakdown", jsonList(scoped(wv.breakdown(siteId, metric,
                                WebVitalDimension.of(dimension.get())), args, window, rating).limit(limit.value() + 1)
                                .execute()), truncated);
                        detail = true;
                    }
                    if (detail) {
                        out.put("metric", metric.value());
                    }
                    out.put("truncated", !truncated.isEmpty());
                    out.put("truncated_lists", truncated);
                    return out;
                })));
    }

    private static <T> WebVitalsRequest<T> scoped(WebVitalsRequest<T> q, Arguments args, DateWindow window,
            Optional<String> rating) {
        q.range(window.toRange());
        args.optionalString("path").ifPresent(q::path);
        rating.ifPresent(r -> q.rating(WebVitalRating.of(r)));
        return q;
    }
}
