package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The setters {@link ServerPageview.Builder} and {@link ServerEvent.Builder} share: the four fields every
 * {@link IngestRecord} needs and the optional referrer, Do-Not-Track flag and session id. Nothing is checked until
 * {@code build()}, where the record applies HitKeep's rules ({@link IngestChecks}).
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class IngestRecordBuilder<B extends IngestRecordBuilder<B>> {
    @Nullable
    String url;
    @Nullable
    Instant timestamp;
    @Nullable
    String visitorIp;
    @Nullable
    String userAgent;
    @Nullable
    String referrer;
    @Nullable
    Boolean dnt;
    @Nullable
    String sessionId;

    IngestRecordBuilder() {}

    /** The page's absolute http(s) URL; its host selects the site. Required. */
    public B url(String url) {
        this.url = url;
        return self();
    }

    /** When it happened; historical times are accepted (backfill). Required. */
    public B timestamp(Instant timestamp) {
        this.timestamp = timestamp;
        return self();
    }

    /** The visitor's IPv4 or IPv6 address (a literal; host names are refused). Required. */
    public B visitorIp(String visitorIp) {
        this.visitorIp = visitorIp;
        return self();
    }

    /** The visitor's user agent. Required. */
    public B userAgent(String userAgent) {
        this.userAgent = userAgent;
        return self();
    }

    /** The referrer URL. */
    public B referrer(String referrer) {
        this.referrer = referrer;
        return self();
    }

    /** Whether the visitor sent Do-Not-Track (HitKeep then accepts the record and drops it). */
    public B dnt(boolean dnt) {
        this.dnt = dnt;
        return self();
    }

    /** A UUID tying the record to a session of pageviews. */
    public B sessionId(String sessionId) {
        this.sessionId = sessionId;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
