package io.tally.hitkeep;

import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a realtime subscription, sent through the core transport on the subscription's own
 * context (long read timeout, no call timeout). Its reader runs until the stream ends or the call is
 * cancelled; it is not repeatable, so the transport never resends it: the subscription decides.
 */
final class RealtimeConnection extends ApiRequest<Void, RealtimeConnection> {
    static final String ROUTE = "/api/sites/{id}/realtime";

    RealtimeConnection(ClientContext context, String siteId, @Nullable String lastEventId, Runnable onOpen,
            SseParser.Sink sink) {
        super(context, "GET", ROUTE, new Object[] {siteId}, new ResponseReader<Void>() {
            @Override
            public Void read(ResponseHandle response) throws IOException {
                onOpen.run();
                SseParser.parse(response.stream(), sink);
                return null;
            }

            @Override
            public boolean repeatable() {
                return false;
            }

            @Override
            public boolean streamed() {
                return true;
            }
        });
        endpointHeader("Accept", "text/event-stream");
        endpointHeader("Cache-Control", "no-cache");
        if (lastEventId != null) {
            endpointHeader("Last-Event-ID", lastEventId);
        }
        maxRetries(0);
    }
}
