package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A custom event for server-side ingest ({@code POST /api/ingest/server/event}), checked with HitKeep's rules when
 * built: those of {@link ServerPageview} plus a non-blank {@code name}.
 *
 * <pre>{@code
 * ServerEvent signup = ServerEvent.builder("signup")
 *     .url("https://shop.example.com/welcome")
 *     .timestamp(Instant.now())
 *     .visitorIp(ip).userAgent(ua)
 *     .property("plan", "pro")
 *     .build();
 * }</pre>
 *
 * @param url        an absolute http(s) URL on the site; its host selects the site
 * @param timestamp  when the event happened
 * @param visitorIp  the visitor's IPv4 or IPv6 address
 * @param userAgent  the visitor's user agent
 * @param name       the event's name, e.g. {@code signup}
 * @param properties the event's properties (any JSON values); empty when none
 * @param referrer   the referrer URL (used for spam checks only), or {@code null}
 * @param dnt        {@code true} when the visitor sent Do-Not-Track: HitKeep accepts and drops the event
 * @param sessionId  a UUID tying the event to a session of pageviews, or {@code null}
 */
public record ServerEvent(String url, Instant timestamp, String visitorIp, String userAgent, String name,
        Map<String, Object> properties, @Nullable String referrer, @Nullable Boolean dnt,
        @Nullable String sessionId) implements IngestRecord {
    /**
     * Checks the event with HitKeep's ingest rules and copies {@code properties} ({@code null} becomes empty).
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL, {@code timestamp} is
     *     null, {@code visitorIp} is not an IP address, {@code userAgent} or {@code name} is blank, or
     *     {@code sessionId} is not a UUID
     */
    public ServerEvent {
        IngestChecks.common(url, timestamp, visitorIp, userAgent);
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be null or blank");
        }
        properties = Immutable.map(properties);
        IngestChecks.uuid("sessionId", sessionId);
    }

    /** A builder for an event named {@code name}; {@code url}, {@code timestamp}, {@code visitorIp} and {@code userAgent} are required. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builder for {@link ServerEvent}. */
    public static final class Builder extends IngestRecordBuilder<Builder> {
        private final String name;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a property; the value may be a string, number, boolean, list or map. */
        public Builder property(String key, Object value) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("property key must not be null or empty");
            }
            properties.put(key, value);
            return this;
        }

        /** Adds every property of {@code values}. */
        public Builder properties(Map<String, ?> values) {
            for (Map.Entry<String, ?> e : values.entrySet()) {
                property(e.getKey(), e.getValue());
            }
            return this;
        }

        /**
         * The event.
         *
         * @throws IllegalArgumentException naming the first field that breaks HitKeep's rules
         */
        @SuppressWarnings("NullAway") // an unset required field reaches the constructor, which rejects it naming the field
        public ServerEvent build() {
            return new ServerEvent(url, timestamp, visitorIp, userAgent, name, properties, referrer, dnt, sessionId);
        }
    }
}
