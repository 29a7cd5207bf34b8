package io.tally.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.RealtimeEvent;
import io.tally.hitkeep.model.RealtimeEventType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A site's realtime change notifications ({@code GET /api/sites/{id}/realtime}, Server-Sent Events). Follow
 * them with a listener or an iterator; both reconnect on their own and resume after the last event:
 *
 * <pre>{@code
 * try (RealtimeSubscription live = hitkeep.sites().realtime(siteId).subscribe(event -> {
 *     if (event.isResync() || event.kinds().contains("hits")) refreshDashboard();
 * })) {
 *     ...
 * }
 *
 * try (RealtimeEventStream events = hitkeep.sites().realtime(siteId).stream()) {
 *     for (RealtimeEvent event : events) { ... }           // blocks between events
 * }
 * }</pre>
 *
 * <p>The stream carries notifications only ({@code analytics.changed} with the kinds and counts that changed,
 * {@code analytics.resync} after a gap), never the analytics themselves. HitKeep sends a heartbeat every 15
 * seconds; a subscription reads with a {@linkplain #heartbeatTimeout(Duration) heartbeat timeout} of 45 seconds
 * (whatever the client's read timeout) and no call timeout, and waits between connections with the client's
 * {@link io.tally.core.Sleeper}. Needs {@code site.view}; accepts an API token or a session.
 *
 * <p>{@link #execute()} reads a single connection until the server ends it and returns its events; HitKeep
 * itself never ends the stream, so that suits tests and proxies that cut streams, not live use. Per-request
 * options ({@code header}, {@code timeout}…) apply to {@code execute()} only.
 */
public final class RealtimeRequest extends HitKeepRequest<List<RealtimeEvent>, RealtimeRequest> {
    /** How long to wait before reconnecting until the server says otherwise with {@code retry:}. */
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofMillis(3000);
    /** How long a subscription waits for any byte (HitKeep sends a heartbeat every 15 seconds). */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(45);

    private final String siteId;
    private @Nullable String lastEventId;
    private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;
    private Duration heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
    private int maxConsecutiveFailures = -1;

    RealtimeRequest(HitKeep client, String siteId) {
        super(client, "GET", RealtimeConnection.ROUTE, RouteAuth.TOKEN_OR_SESSION,
                new Object[] {Inputs.id("siteId", siteId)},
                collect(client.context().provider().mapper()));
        this.siteId = siteId.trim();
        endpointHeader("Accept", "text/event-stream");
        endpointHeader("Cache-Control", "no-cache");
    }

    /**
     * Resumes after this event id ({@code Last-Event-ID}): HitKeep replays the events since, or sends
     * {@code analytics.resync} first when the id is too old.
     */
    public RealtimeRequest lastEventId(@Nullable String id) {
        this.lastEventId = id == null || id.isEmpty() ? null : id; // an empty id means none (EventSource rule)
        return endpointHeader("Last-Event-ID", this.lastEventId);
    }

    /** The wait before reconnecting until the server sends {@code retry:}; 3 seconds by default. */
    public RealtimeRequest reconnectDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("reconnectDelay must be zero or positive, got " + delay);
        }
        this.reconnectDelay = delay;
        return this;
    }

    /**
     * How long a subscription's connection may stay silent before it counts as dead and is reopened; must exceed
     * HitKeep's 15-second heartbeat. 45 seconds by default.
     */
    public RealtimeRequest heartbeatTimeout(Duration timeout) {
        if (timeout == null || timeout.compareTo(Duration.ofSeconds(16)) < 0) {
            throw new IllegalArgumentException(
                    "heartbeatTimeout must be longer than HitKeep's 15-second heartbeat, got " + timeout);
        }
        this.heartbeatTimeout = timeout;
        return this;
    }

    /**
     * Ends a subscription after this many failed connection attempts in a row (a successful connection resets
     * the count); by default it retries forever.
     */
    public RealtimeRequest maxConsecutiveFailures(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be at least 0, got " + failures);
        }
        this.maxConsecutiveFailures = failures;
        return this;
    }

    /** Follows the stream on a new daemon thread, handing events to {@code listener} until closed. */
    public RealtimeSubscription subscribe(RealtimeListener listener) {
        return subscribe(listener, task -> {
            Thread thread = new Thread(task, "hitkeep-realtime-" + siteId);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Follows the stream on {@code executor}, which must give the subscription a thread of its own for as long as
     * it runs (it blocks reading the stream).
     */
    public RealtimeSubscription subscribe(RealtimeListener listener, Executor executor) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(executor, "executor");
        validate();
        RealtimeSubscription subscription = new RealtimeSubscription(client(), siteId, lastEventId, reconnectDelay,
                heartbeatTimeout, maxConsecutiveFailures, listener);
        subscription.start(executor);
        return subscription;
    }

    /**
     * Follows the stream as a blocking iterator: {@code hasNext()} waits for the next event and throws the error
     * that ended the subscription, if one did. Close it to stop.
     */
    public RealtimeEventStream stream() {
        RealtimeEventStream stream = new RealtimeEventStream();
        stream.attach(subscribe(stream.listener()));
        return stream;
    }

    /** Turns one parsed SSE event into a {@link RealtimeEvent}; a payload that is not a JSON object is kept raw only. */
    static RealtimeEvent decode(ObjectMapper mapper, @Nullable String id, String type, String data) {
        JsonNode root = null;
        try {
            root = mapper.readTree(data);
        } catch (IOException e) {
            // not JSON: an event type this SDK does not know; keep the raw data
        }
        RealtimeEventType eventType = RealtimeEventType.of(type);
        if (root == null || !root.isObject()) {
            return new RealtimeEvent(id, eventType, null, List.of(), null, null, Map.of(), data);
        }
        List<String> kinds = new ArrayList<>();
        for (JsonNode k : root.path("kinds")) {
            kinds.add(k.asText());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("counts").properties()) {
            counts.put(e.getKey(), e.getValue().asLong());
        }
        return new RealtimeEvent(id, eventType, text(root, "site_id"), kinds, instant(root, "changed_at"),
                instant(root, "bucket_start"), counts, data);
    }

    /** Reads one connection until it ends and returns its events; also used by the shared dashboard's feed. */
    static ResponseReader<List<RealtimeEvent>> collect(ObjectMapper mapper) {
        return new ResponseReader<List<RealtimeEvent>>() {
            @Override
            public boolean streamed() {
                return true; // an event stream lasts until the server ends it: no overall deadline
            }

            @Override
            public List<RealtimeEvent> read(io.tally.core.spi.ResponseHandle response) throws java.io.IOException {
                return collectEvents(mapper, response);
            }
        };
    }

    private static List<RealtimeEvent> collectEvents(ObjectMapper mapper, io.tally.core.spi.ResponseHandle response)
            throws java.io.IOException {
        List<RealtimeEvent> events = new ArrayList<>();
        SseParser.parse(response.stream(), new SseParser.Sink() {
            @Override
            public void event(@Nullable String lastEventId, String type, String data) {
                events.add(decode(mapper, lastEventId, type, data));
            }

            @Override
            public void retry(long millis) {}

            @Override
            public void comment(String text) {}

            @Override
            public void lastEventId(@Nullable String id) {}
        });
        return Collections.unmodifiableList(events);
    }

    private static @Nullable String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static @Nullable Instant instant(JsonNode root, String field) {
        String s = text(root, field);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
