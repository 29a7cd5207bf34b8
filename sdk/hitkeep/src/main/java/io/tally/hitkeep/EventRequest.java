package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;

/**
 * A read about one event over a window — its series or its audience — optionally narrowed to one property
 * value and filtered by the sessions' attributes ({@link #filter(Filter)}). The {@code limit} setter inherited
 * from {@link AnalyticsRequest} is not used by these routes. Serves both {@link Events} and the same two
 * routes of a {@link SharedDashboard}, which take the same inputs.
 *
 * @param <T> what the request returns
 */
public final class EventRequest<T> extends AnalyticsRequest<T, EventRequest<T>> {
    EventRequest(HitKeep client, String pathTemplate, String siteId, String eventName, ResponseReader<T> reader) {
        this(client, pathTemplate, RouteAuth.TOKEN_OR_SESSION, new Object[] {Inputs.id("siteId", siteId)}, eventName,
                reader);
    }

    EventRequest(HitKeep client, String pathTemplate, RouteAuth auth, Object[] pathValues, String eventName,
            ResponseReader<T> reader) {
        super(client, "GET", pathTemplate, auth, pathValues, reader);
        query("event_name", Inputs.text("eventName", eventName));
    }

    /**
     * Only events whose property {@code key} has {@code value} ({@code property_key}, {@code property_value}),
     * e.g. {@code property("plan", "pro")}.
     */
    public EventRequest<T> property(String key, String value) {
        query("property_key", Inputs.text("property key", key));
        return query("property_value", Inputs.text("property value", value));
    }
}
