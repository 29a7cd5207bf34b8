package io.tally.hitkeep;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.AiFetch;
import io.tally.hitkeep.model.IngestRecord;
import io.tally.hitkeep.model.ServerEvent;
import io.tally.hitkeep.model.ServerPageview;
import java.util.Objects;

/**
 * Sending data into HitKeep from a server: pageviews and custom events (site chosen by the URL's host) and AI
 * crawler fetches from server logs. Pageviews and events need an API-client token with {@code site.manage_data}
 * on the site — a session is refused — and fall under HitKeep's ingest limit (20 requests a second per IP,
 * burst 40). Records are checked before sending ({@link ServerPageview}, {@link ServerEvent}, {@link AiFetch}).
 *
 * <pre>{@code
 * hitkeep.ingest().pageview(ServerPageview.builder()
 *     .url("https://shop.example.com/cart").timestamp(Instant.now())
 *     .visitorIp(ip).userAgent(ua).build()).execute();
 *
 * IngestBatchResult result = hitkeep.ingest().batch().send(records);   // paced, one request per record
 * result.failures().forEach(f -> log.warn("record {} failed: {}", f.index(), f.error().getMessage()));
 * }</pre>
 *
 * <p>HitKeep answers 202 with an empty body — also when it drops a record on purpose (Do-Not-Track, excluded IP
 * or country, spam). Records are written asynchronously, so they may take a moment to show up in reports.
 */
public final class Ingest {
    /** HitKeep's limit on an ingest body: 64 KiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final HitKeep client;

    Ingest(HitKeep client) {
        this.client = client;
    }

    /** Records a pageview ({@code POST /api/ingest/server/pageview}, 202). API-client token only. */
    public HitKeepCall<Void> pageview(ServerPageview pageview) {
        return ingest("/api/ingest/server/pageview", Objects.requireNonNull(pageview, "pageview"));
    }

    /** Records a custom event ({@code POST /api/ingest/server/event}, 202). API-client token only. */
    public HitKeepCall<Void> event(ServerEvent event) {
        return ingest("/api/ingest/server/event", Objects.requireNonNull(event, "event"));
    }

    /**
     * Records one AI-crawler request from a site's server logs ({@code POST /api/sites/{id}/ingest/ai-fetch}, 202);
     * needs {@code site.manage_data}. Falls under HitKeep's general API limit (10 requests a second per IP).
     */
    public HitKeepCall<Void> aiFetch(String siteId, AiFetch fetch) {
        Objects.requireNonNull(fetch, "fetch");
        checkSize("AI fetch", fetch);
        return new HitKeepCall<Void>(client, "POST", "/api/sites/{id}/ingest/ai-fetch", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {Inputs.id("siteId", siteId)}, ResponseReader.discard()).body(fetch);
    }

    /**
     * A batch sender for many pageviews and events: one request per record (HitKeep has no batch endpoint), paced
     * under the ingest limit, every failure reported.
     */
    public IngestBatcher batch() {
        return new IngestBatcher(this, client.options().clock(), client.options().sleeper());
    }

    /** The request for one record of either kind. */
    HitKeepCall<Void> send(IngestRecord record) {
        if (record instanceof ServerPageview pageview) {
            return pageview(pageview);
        }
        if (record instanceof ServerEvent event) {
            return event(event);
        }
        throw new IllegalArgumentException("record must be a ServerPageview or a ServerEvent, got "
                + (record == null ? "null" : record.getClass().getName()));
    }

    private HitKeepCall<Void> ingest(String route, Object record) {
        checkSize(record instanceof ServerEvent ? "event" : "pageview", record);
        return new HitKeepCall<Void>(client, "POST", route, RouteAuth.TOKEN_ONLY, new Object[0],
                ResponseReader.discard())
                .body(record);
    }

    private void checkSize(String what, Object record) {
        int size;
        try {
            size = client.context().provider().mapper().writeValueAsBytes(record).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the " + what + " could not be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (size > MAX_BODY_BYTES) {
            throw new IllegalArgumentException(
                    "the " + what + " is " + size + " bytes as JSON; HitKeep accepts at most "
                            + MAX_BODY_BYTES + " (64 KiB): send fewer or smaller properties");
        }
    }
}
