package io.tally.altertable;

import io.tally.altertable.internal.AltertableErrors;
import io.tally.altertable.internal.EventType;
import io.tally.altertable.internal.IngestRequest;
import io.tally.core.ApiException;
import io.tally.core.delivery.SendOutcome;
import io.tally.core.spi.ClientContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends batches through tally-core and sorts every result into a {@link SendOutcome}. */
final class HttpSender implements EventSender {
    private static final Logger LOG = LoggerFactory.getLogger("io.tally.altertable");

    private final ClientContext context;
    private final String environment;
    private final Clock clock;
    private final AtomicBoolean environmentWarned = new AtomicBoolean();

    HttpSender(ClientContext context, String environment, Clock clock) {
        this.context = context;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(EventType type, List<byte[]> payloads) {
        try {
            IngestRequest.Ack ack = new IngestRequest(context, type, payloads).execute();
            return SendOutcome.delivered(ack.status());
        } catch (ApiException e) {
            String code = e.errorCode().orElse(null);
            if (AltertableErrors.ENVIRONMENT_NOT_FOUND.equals(code) && environmentWarned.compareAndSet(false, true)) {
                LOG.warn("Altertable: {}", AltertableErrors.environmentHint(environment));
            }
            return SendOutcome.classify(e, clock);
        } catch (RuntimeException e) {
            // connection failures, timeouts, an unreadable response: the batch may or may not have arrived
            return SendOutcome.classify(e, clock);
        }
    }
}
