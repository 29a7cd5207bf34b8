package io.tally.engagetrack;

import io.tally.engagetrack.model.IdentifyCall;
import io.tally.engagetrack.model.TrackedEvent;
import java.util.Objects;

/**
 * The ingestion routes, sent now, no queue: one request each (there is no batch form), with the client's retry
 * policy, and a failure thrown to the caller. No {@code Authorization} header is sent: the site's public id in the
 * body identifies the site. Success is {@code 202 ok}.
 *
 * <p>From a server, prefer {@link EngageTrackSender}: it queues, paces, retries at the rate-limit reset time,
 * bounds memory, optionally keeps a durable queue, and never blocks the caller on the network.
 */
public final class Ingestion {
    private final EngageTrack client;

    Ingestion(EngageTrack client) {
        this.client = client;
    }

    /** {@code POST /event}: records one event. */
    public EngageTrackCall<Void> event(TrackedEvent event) {
        Objects.requireNonNull(event, "event");
        return new EngageTrackCall<>(client, "POST", "/event", RouteAuth.NONE, Readers.accepted()).body(event);
    }

    /** {@code POST /identify}: links an anonymous visitor to your user id. */
    public EngageTrackCall<Void> identify(IdentifyCall identify) {
        Objects.requireNonNull(identify, "identify");
        return new EngageTrackCall<>(client, "POST", "/identify", RouteAuth.NONE, Readers.accepted()).body(identify);
    }
}
