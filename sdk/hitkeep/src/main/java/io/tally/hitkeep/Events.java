package io.tally.hitkeep;

import io.tally.hitkeep.model.EventAudience;
import io.tally.hitkeep.model.EventSeriesPoint;
import io.tally.hitkeep.model.MetricStat;
import java.util.List;

/**
 * Custom events of a site: which events and properties exist, an event's series, its breakdown by a property
 * and the audience that sends it. Needs {@code site.view}; accepts an API token or a session.
 *
 * <pre>{@code
 * List<MetricStat> plans = hitkeep.events().breakdown(siteId, "signup", "plan")
 *     .range(DateRange.lastDays(30)).execute();
 * }</pre>
 */
public final class Events {
    private final HitKeep client;

    Events(HitKeep client) {
        this.client = client;
    }

    /** The names of the events sent in the window ({@code GET /api/sites/{id}/events/names}). */
    public RangeRequest<List<String>> names(String siteId) {
        return new RangeRequest<>(client, "GET", "/api/sites/{id}/events/names", RouteAuth.TOKEN_OR_SESSION,
                site(siteId), client.context().listOf(String.class));
    }

    /** The property keys an event carried in the window ({@code GET /api/sites/{id}/events/properties}). */
    public RangeRequest<List<String>> properties(String siteId, String eventName) {
        return new RangeRequest<>(client, "GET", "/api/sites/{id}/events/properties", RouteAuth.TOKEN_OR_SESSION,
                site(siteId), client.context().listOf(String.class))
                .param("event_name", Inputs.text("eventName", eventName));
    }

    /**
     * How often each value of one property occurred on an event ({@code GET /api/sites/{id}/events/breakdown}),
     * e.g. the plans chosen at {@code signup}.
     */
    public RangeRequest<List<MetricStat>> breakdown(String siteId, String eventName, String propertyKey) {
        return new RangeRequest<>(client, "GET", "/api/sites/{id}/events/breakdown", RouteAuth.TOKEN_OR_SESSION,
                site(siteId), client.context().listOf(MetricStat.class))
                .param("event_name", Inputs.text("eventName", eventName))
                .param("property_key", Inputs.text("propertyKey", propertyKey));
    }

    /** An event's count per time bucket ({@code GET /api/sites/{id}/events/timeseries}). */
    public EventRequest<List<EventSeriesPoint>> timeseries(String siteId, String eventName) {
        return new EventRequest<>(client, "/api/sites/{id}/events/timeseries", siteId, eventName,
                client.context().listOf(EventSeriesPoint.class));
    }

    /** Who sends an event: top pages, referrers, countries, devices… ({@code GET /api/sites/{id}/events/audience}). */
    public EventRequest<EventAudience> audience(String siteId, String eventName) {
        return new EventRequest<>(client, "/api/sites/{id}/events/audience", siteId, eventName,
                client.context().json(EventAudience.class));
    }

    private static Object[] site(String siteId) {
        return new Object[] {Inputs.id("siteId", siteId)};
    }
}
