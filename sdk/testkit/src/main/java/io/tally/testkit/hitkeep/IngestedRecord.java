package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A record the fake accepted on an ingest route ({@code 202}): a server-side pageview or event
 * ({@code POST /api/ingest/server/pageview|event}) or an AI crawler fetch
 * ({@code POST /api/sites/{id}/ingest/ai-fetch}).
 *
 * <p>Accepted pageviews and events also show up in the fake's analytics (hits, stats, events) right away, unless
 * they were {@linkplain #dropped() dropped} the way HitKeep drops them ({@code "dnt": true}).
 */
public final class IngestedRecord {

    /** What kind of record was ingested. */
    public enum Kind {
        /** {@code POST /api/ingest/server/pageview}. */
        PAGEVIEW,
        /** {@code POST /api/ingest/server/event}. */
        EVENT,
        /** {@code POST /api/sites/{id}/ingest/ai-fetch}. */
        AI_FETCH
    }

    private final Kind kind;
    private final String siteId;
    private final JsonNode body;
    private final boolean dropped;
    private final Instant receivedAt;

    IngestedRecord(Kind kind, String siteId, JsonNode body, boolean dropped, Instant receivedAt) {
        this.kind = kind;
        this.siteId = siteId;
        this.body = body.deepCopy();
        this.dropped = dropped;
        this.receivedAt = receivedAt;
    }

    /** The route the record came in on. */
    public Kind kind() {
        return kind;
    }

    /** The site it was attributed to (resolved from {@code url} for server ingest). */
    public String siteId() {
        return siteId;
    }

    /** A copy of the JSON body as received. */
    public JsonNode body() {
        return body.deepCopy();
    }

    /** A text field of the body ({@code url}, {@code name}, {@code timestamp}, {@code path}, …), or {@code null}. */
    public @Nullable String field(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Whether HitKeep would have accepted but silently dropped it ({@code "dnt": true}). */
    public boolean dropped() {
        return dropped;
    }

    /** When it arrived, by the fake's clock. */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "IngestedRecord{" + kind + ", site=" + siteId + (dropped ? ", dropped" : "") + ", body=" + body + "}";
    }
}
