package io.tally.hitkeep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.ApiConnectionException;
import io.tally.core.ApiException;
import io.tally.core.spi.ClientContext;
import io.tally.core.ClientOptions;
import io.tally.core.Sleeper;
import io.tally.hitkeep.model.RealtimeEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A live subscription to a site's realtime stream, from {@link RealtimeRequest#subscribe(RealtimeListener)}.
 * It connects, hands each event to the listener, and when the stream ends or fails waits the server's
 * {@code retry:} delay (3 seconds unless the server says otherwise) and reconnects with {@code Last-Event-ID},
 * so HitKeep replays what was missed (up to 256 events; older gaps arrive as {@code analytics.resync}).
 *
 * <p>It ends for good when {@link #close()} is called, when HitKeep refuses it (401, 403, 404 and other
 * client errors), after too many failures in a row if a limit was set, or when the listener throws; then the
 * listener's {@link RealtimeListener#onClosed(Throwable)} runs once. Thread-safe.
 */
public final class RealtimeSubscription implements AutoCloseable {
    private final String siteId;
    private final RealtimeListener listener;
    private final Sleeper sleeper;
    private final ObjectMapper mapper;
    private final int maxConsecutiveFailures;
    private final ClientContext context;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Call> currentCall = new AtomicReference<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile @Nullable String lastEventId;
    private volatile Duration retryDelay;
    private @Nullable Thread sleepingThread;

    RealtimeSubscription(HitKeep client, String siteId, @Nullable String lastEventId, Duration reconnectDelay,
            Duration readTimeout,
            int maxConsecutiveFailures, RealtimeListener listener) {
        this.siteId = siteId;
        this.listener = listener;
        this.lastEventId = lastEventId;
        this.retryDelay = reconnectDelay;
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        ClientContext base = client.context();
        this.sleeper = base.options().sleeper();
        this.mapper = base.provider().mapper();
        OkHttpClient http = base.httpClient().newBuilder()
                .addInterceptor(chain -> {
                    currentCall.set(chain.call());
                    if (closed.get()) {
                        chain.call().cancel();
                    }
                    return chain.proceed(chain.request());
                })
                .build();
        ClientOptions options = base.options().toBuilder()
                .httpClient(http)
                .readTimeout(readTimeout)
                .callTimeout(Duration.ZERO)
                .build();
        this.context = ClientContext.create(base.provider(), options);
    }

    void start(Executor executor) {
        executor.execute(this::run);
    }

    /** The id of the last event received, sent as {@code Last-Event-ID} on reconnection; {@code null} before any. */
    public @Nullable String lastEventId() {
        return lastEventId;
    }

    /** Whether the subscription has ended or is ending. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Waits until the subscription has ended and its listener's {@code onClosed} has returned.
     *
     * @return whether it ended within {@code timeout}
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends the subscription: cancels the open connection or the wait before reconnecting. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Call call = currentCall.get();
        if (call != null) {
            call.cancel();
        }
        synchronized (lock) {
            if (sleepingThread != null) {
                sleepingThread.interrupt();
            }
        }
    }

    private void run() {
        Throwable terminal = null;
        int failures = 0;
        try {
            while (!closed.get()) {
                Throwable cause = null;
                boolean[] opened = {false};
                try {
                    new RealtimeConnection(context, siteId, lastEventId, () -> {
                        opened[0] = true;
                        try {
                            listener.onOpen();
                        } catch (RuntimeException e) {
                            throw new ListenerFailure(e);
                        }
                    }, new EventSink()).execute();
                } catch (ListenerFailure e) {
                    terminal = e.getCause();
                    break;
                } catch (ApiException e) {
                    if (!reconnectable(e.statusCode())) {
                        terminal = e;
                        break;
                    }
                    cause = e;
                } catch (ApiConnectionException e) {
                    cause = e;
                }
                if (closed.get()) {
                    break;
                }
                failures = opened[0] ? 0 : failures + (cause != null ? 1 : 0);
                if (maxConsecutiveFailures >= 0 && failures > maxConsecutiveFailures) {
                    terminal = cause;
                    break;
                }
                Duration delay = retryDelay;
                listener.onDisconnected(cause, delay);
                if (!pause(delay)) {
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            terminal = e;
        } finally {
            closed.set(true);
            try {
                listener.onClosed(terminal);
            } finally {
                terminated.countDown();
            }
        }
    }

    /** 408, 429 and 5xx are worth another connection; other errors (401, 403, 404…) will not change. */
    private static boolean reconnectable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Waits before reconnecting; false when the subscription was closed meanwhile. */
    private boolean pause(Duration delay) {
        synchronized (lock) {
            if (closed.get()) {
                return false;
            }
            sleepingThread = Thread.currentThread();
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            if (!closed.get()) {
                Thread.currentThread().interrupt(); // not ours: keep the caller's interrupt
            }
            return false;
        } finally {
            synchronized (lock) {
                sleepingThread = null;
                if (closed.get()) {
                    Thread.interrupted(); // clear an interrupt close() may have sent just now
                }
            }
        }
        return !closed.get();
    }

    /** Hands parsed events to the listener and keeps the reconnection state. */
    private final class EventSink implements SseParser.Sink {
        @Override
        public void event(@Nullable String id, String type, String data) {
            if (closed.get()) {
                return;
            }
            RealtimeEvent event = RealtimeRequest.decode(mapper, id, type, data);
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                throw new ListenerFailure(e);
            }
        }

        @Override
        public void retry(long millis) {
            retryDelay = Duration.ofMillis(millis);
        }

        @Override
        public void comment(String text) {
            try {
                listener.onHeartbeat();
            } catch (RuntimeException e) {
                throw new ListenerFailure(e);
            }
        }

        @Override
        public void lastEventId(@Nullable String id) {
            lastEventId = id;
        }
    }

    /** A listener callback threw: ends the subscription with that exception. */
    private static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailure(RuntimeException cause) {
            super(cause);
        }
    }

    @Override
    public String toString() {
        return "RealtimeSubscription[site " + siteId + ", " + (closed.get() ? "closed" : "open") + ", lastEventId="
                + lastEventId + "]";
    }
}
