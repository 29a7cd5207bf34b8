package io.tally.engagetrack.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of a visitor's timeline.
 *
 * @param id the event id
 * @param sessionId the session id
 * @param eventType {@code pageview}, {@code goal}, {@code purchase} or {@code form} (open: kept as sent)
 * @param timestamp when it happened
 * @param pageUrl the page URL (pageviews)
 * @param pageTitle the page title (pageviews)
 * @param eventName the event or goal name (goal events)
 * @param revenue the amount (purchases), or {@code null}
 * @param currency the currency code
 * @param referrerSource the referrer source of this event
 * @param properties custom properties
 */
public record TimelineEvent(String id, String sessionId, String eventType, Instant timestamp, String pageUrl,
        String pageTitle, String eventName, @Nullable Double revenue, String currency, String referrerSource,
        Map<String, Object> properties) {
    /** Makes the map unmodifiable; {@code null} is empty. */
    public TimelineEvent {
        properties = properties == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
