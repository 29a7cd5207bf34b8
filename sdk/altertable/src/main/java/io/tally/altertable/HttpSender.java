package io.tally.altertable;

import io.tally.altertable.internal.AltertableErrors;
import io.tally.altertable.internal.EventType;
import io.tally.altertable.internal.IngestRequest;
import io.tally.core.ApiException;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.RetryHints;
import io.tally.core.RateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends batches through tally-core and sorts every result into a {@link Dispatcher.Outcome}. */
final class HttpSender implements Dispatcher.BatchSender {
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
    public Dispatcher.Outcome send(EventType type, List<byte[]> payloads) {
        try {
            IngestRequest.Ack ack = new IngestRequest(context, type, payloads).execute();
            return Dispatcher.Outcome.delivered(ack.status());
        } catch (ApiException e) {
            int status = e.statusCode();
            String code = e.errorCode().orElse(null);
            if (AltertableErrors.ENVIRONMENT_NOT_FOUND.equals(code) && environmentWarned.compareAndSet(false, true)) {
                LOG.warn("Altertable: {}", AltertableErrors.environmentHint(environment));
            }
            if (status == 408 || status == 429 || status >= 500) {
                Duration hint = e instanceof RateLimitException ? ((RateLimitException) e).retryAfter().orElse(null)
                        : RetryHints.retryAfter(e.headers(), clock);
                return Dispatcher.Outcome.retry(status, code, hint, e);
            }
            if (status == 413) {
                return Dispatcher.Outcome.tooLarge(status, code, e);
            }
            return Dispatcher.Outcome.rejected(status, code, e);
        } catch (RuntimeException e) {
            // connection failures, timeouts, an unreadable response: the batch may or may not have arrived
            return Dispatcher.Outcome.retry(0, null, null, e);
        }
    }
}
