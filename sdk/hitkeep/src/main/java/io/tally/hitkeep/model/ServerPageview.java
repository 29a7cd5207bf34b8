package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pageview for server-side ingest ({@code POST /api/ingest/server/pageview}), checked with HitKeep's rules when
 * built: an absolute http(s) {@code url} (its host selects the site; its {@code utm_*} and {@code hk_qr} query
 * parameters are read as campaign data), a {@code timestamp}, the visitor's IP literal and a non-blank user agent.
 *
 * <pre>{@code
 * ServerPageview view = ServerPageview.builder()
 *     .url("https://shop.example.com/cart?utm_source=newsletter")
 *     .timestamp(Instant.now())
 *     .visitorIp(request.getRemoteAddr())
 *     .userAgent(request.getHeader("User-Agent"))
 *     .referrer(request.getHeader("Referer"))
 *     .build();
 * }</pre>
 *
 * @param url            the page's absolute URL
 * @param timestamp      when the view happened; historical times are accepted (backfill)
 * @param visitorIp      the visitor's IPv4 or IPv6 address; used for exclusions and geo lookup, then discarded
 * @param userAgent      the visitor's user agent
 * @param referrer       the referrer URL, or {@code null}
 * @param viewportWidth  viewport width in pixels (drives the device class), or {@code null}
 * @param viewportHeight viewport height in pixels, or {@code null}
 * @param screenWidth    screen width in pixels, or {@code null}
 * @param screenHeight   screen height in pixels, or {@code null}
 * @param language       the browser language such as {@code en-US}, or {@code null}
 * @param dnt            {@code true} when the visitor sent Do-Not-Track: HitKeep accepts and drops the view
 * @param sessionId      a UUID that groups views into a session; without one each view is its own session
 * @param pageId         a UUID for this view, or {@code null} to let HitKeep generate one
 */
public record ServerPageview(String url, Instant timestamp, String visitorIp, String userAgent,
        @Nullable String referrer,
        @Nullable Integer viewportWidth, @Nullable Integer viewportHeight, @Nullable Integer screenWidth,
        @Nullable Integer screenHeight,
        @Nullable String language, @Nullable Boolean dnt, @Nullable String sessionId,
        @Nullable String pageId) implements IngestRecord {
    /**
     * Checks the pageview with HitKeep's ingest rules.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL, {@code timestamp} is
     *     null, {@code visitorIp} is not an IP address, {@code userAgent} is blank, {@code sessionId} or
     *     {@code pageId} is not a UUID, or a viewport or screen size is negative
     */
    public ServerPageview {
        IngestChecks.common(url, timestamp, visitorIp, userAgent);
        IngestChecks.uuid("sessionId", sessionId);
        IngestChecks.uuid("pageId", pageId);
        IngestChecks.pixels("viewportWidth", viewportWidth);
        IngestChecks.pixels("viewportHeight", viewportHeight);
        IngestChecks.pixels("screenWidth", screenWidth);
        IngestChecks.pixels("screenHeight", screenHeight);
    }

    /** A builder; {@code url}, {@code timestamp}, {@code visitorIp} and {@code userAgent} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link ServerPageview}. */
    public static final class Builder extends IngestRecordBuilder<Builder> {
        private @Nullable Integer viewportWidth;
        private @Nullable Integer viewportHeight;
        private @Nullable Integer screenWidth;
        private @Nullable Integer screenHeight;
        private @Nullable String language;
        private @Nullable String pageId;

        private Builder() {}

        /** Viewport size in pixels. */
        public Builder viewport(int width, int height) {
            this.viewportWidth = width;
            this.viewportHeight = height;
            return this;
        }

        /** Screen size in pixels. */
        public Builder screen(int width, int height) {
            this.screenWidth = width;
            this.screenHeight = height;
            return this;
        }

        /** The browser language, e.g. {@code en-US}. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** A UUID for this view. */
        public Builder pageId(String pageId) {
            this.pageId = pageId;
            return this;
        }

        /**
         * The pageview.
         *
         * @throws IllegalArgumentException naming the first field that breaks HitKeep's rules
         */
        @SuppressWarnings("NullAway") // an unset required field reaches the constructor, which rejects it naming the field
        public ServerPageview build() {
            return new ServerPageview(url, timestamp, visitorIp, userAgent, referrer, viewportWidth, viewportHeight,
                    screenWidth,
                    screenHeight, language, dnt, sessionId, pageId);
        }
    }
}
