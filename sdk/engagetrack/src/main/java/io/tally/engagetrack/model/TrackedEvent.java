package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An event for {@code POST /event}. The site is named by its public id ({@code pk_live_…}); no timestamp field
 * exists (EngageTrack presumably uses the time it receives the event), nor client IP or user-agent fields.
 *
 * <pre>{@code
 * TrackedEvent purchase = TrackedEvent.builder("pk_live_abc", "https://shop.example.com/thanks")
 *     .eventType(EventType.PURCHASE).revenue(149.99).currency("USD").orderId("ORD-789")
 *     .visitorUid(uid).build();
 * }</pre>
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class TrackedEvent {
    private final String siteId;
    private final String url;
    private final @Nullable EventType eventType;
    private final @Nullable String eventName;
    private final @Nullable String referrer;
    private final @Nullable String title;
    private final @Nullable String visitorUid;
    private final @Nullable String sessionId;
    @JsonProperty("screen_w")
    private final @Nullable Integer screenW;
    @JsonProperty("screen_h")
    private final @Nullable Integer screenH;
    private final @Nullable Double timeOnPage;
    private final @Nullable Integer scrollDepth;
    private final @Nullable Double revenue;
    private final @Nullable String currency;
    private final @Nullable String orderId;
    private final @Nullable Map<String, Object> properties;

    private TrackedEvent(Builder b) {
        this.siteId = b.siteId;
        this.url = b.url;
        this.eventType = b.eventType;
        this.eventName = b.eventName;
        this.referrer = b.referrer;
        this.title = b.title;
        this.visitorUid = b.visitorUid;
        this.sessionId = b.sessionId;
        this.screenW = b.screenW;
        this.screenH = b.screenH;
        this.timeOnPage = b.timeOnPage;
        this.scrollDepth = b.scrollDepth;
        this.revenue = b.revenue;
        this.currency = b.currency;
        this.orderId = b.orderId;
        this.properties = b.properties.isEmpty() ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    /**
     * A builder for an event on the site with public id {@code siteId} at the full page URL {@code url}.
     *
     * @throws IllegalArgumentException when either is blank or the URL is not absolute http(s)
     */
    public static Builder builder(String siteId, String url) {
        return new Builder(siteId, url);
    }

    /** The site's public id. */
    public String siteId() {
        return siteId;
    }

    /** The full page URL. */
    public String url() {
        return url;
    }

    /** The event type, or {@code null} (EngageTrack's default). */
    public @Nullable EventType eventType() {
        return eventType;
    }

    /** The custom event name, or {@code null}. */
    public @Nullable String eventName() {
        return eventName;
    }

    /** The persistent visitor id, or {@code null}. */
    public @Nullable String visitorUid() {
        return visitorUid;
    }

    /** The purchase amount, or {@code null}. */
    public @Nullable Double revenue() {
        return revenue;
    }

    /** The custom properties (empty when none). */
    public Map<String, Object> properties() {
        return properties == null ? Collections.<String, Object>emptyMap() : properties;
    }

    @Override
    public String toString() {
        return "TrackedEvent[" + (eventType == null ? "pageview" : eventType.value())
                + (eventName == null ? "" : " " + eventName)
                + " " + url + "]";
    }

    /** Builder for {@link TrackedEvent}; every setter is optional. */
    public static final class Builder {
        private final String siteId;
        private final String url;
        private @Nullable EventType eventType;
        private @Nullable String eventName;
        private @Nullable String referrer;
        private @Nullable String title;
        private @Nullable String visitorUid;
        private @Nullable String sessionId;
        private @Nullable Integer screenW;
        private @Nullable Integer screenH;
        private @Nullable Double timeOnPage;
        private @Nullable Integer scrollDepth;
        private @Nullable Double revenue;
        private @Nullable String currency;
        private @Nullable String orderId;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder(String siteId, String url) {
            this.siteId = IdentifyCall.checkSiteId(siteId);
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException("url must be the full page URL (http or https), got '" + url + "'");
            }
            this.url = url;
        }

        /** The event type; EngageTrack's default is a page view. */
        public Builder eventType(EventType eventType) {
            this.eventType = eventType;
            return this;
        }

        /** A custom event's name (sets the type to {@code custom} unless another was set). */
        public Builder eventName(String eventName) {
            this.eventName = eventName;
            if (eventType == null && eventName != null) {
                eventType = EventType.CUSTOM;
            }
            return this;
        }

        /** The referrer URL. */
        public Builder referrer(String referrer) {
            this.referrer = referrer;
            return this;
        }

        /** The page title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The persistent visitor id (the tracker's {@code getVisitorId()}). */
        public Builder visitorUid(String visitorUid) {
            this.visitorUid = visitorUid;
            return this;
        }

        /** The client-side session id (the tracker's {@code getSessionId()}). */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /**
         * The screen size in pixels.
         *
         * @throws IllegalArgumentException when either is negative
         */
        public Builder screen(int width, int height) {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException(
                        "screen width and height must not be negative, got " + width + "x" + height);
            }
            this.screenW = width;
            this.screenH = height;
            return this;
        }

        /**
         * Seconds spent on the previous page.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder timeOnPage(double seconds) {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("timeOnPage must be 0 or more seconds, got " + seconds);
            }
            this.timeOnPage = seconds;
            return this;
        }

        /**
         * The maximum scroll depth in percent.
         *
         * @throws IllegalArgumentException when not between 0 and 100
         */
        public Builder scrollDepth(int percent) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("scrollDepth must be between 0 and 100 (percent), got " + percent);
            }
            this.scrollDepth = percent;
            return this;
        }

        /**
         * The purchase amount.
         *
         * @throws IllegalArgumentException when negative or not finite
         */
        public Builder revenue(double amount) {
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("revenue must be a finite amount of 0 or more, got " + amount);
            }
            this.revenue = amount;
            return this;
        }

        /**
         * The currency code, e.g. {@code USD}.
         *
         * @throws IllegalArgumentException when not three letters
         */
        public Builder currency(String currency) {
            if (currency == null || !currency.matches("[A-Za-z]{3}")) {
                throw new IllegalArgumentException(
                        "currency must be a three-letter code such as USD, got '" + currency + "'");
            }
            this.currency = currency.toUpperCase(java.util.Locale.ROOT);
            return this;
        }

        /** The order id of a purchase. */
        public Builder orderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        /**
         * A custom property.
         *
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder property(String name, Object value) {
            if (name == null || name.trim().isEmpty()) {
                throw new IllegalArgumentException("property name must not be null or blank");
            }
            properties.put(name, value);
            return this;
        }

        /** The event. */
        public TrackedEvent build() {
            return new TrackedEvent(this);
        }
    }
}
