package io.tally.mcp.ops;

import io.tally.mcp.http.McpGuardFilter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's graceful drain, as the outermost Jetty handler: it knows which requests are in flight, so that a
 * shutdown lets exactly those finish.
 *
 * <p>A request is <em>in flight</em> when Jetty began receiving it (its request line arrived) before the drain
 * began, whether or not its body is complete: such a request is marked with
 * {@link McpGuardFilter#ADMITTED_BEFORE_DRAIN_ATTRIBUTE}, served normally, and counted until its response is
 * complete. A request begun after the drain is not marked, and the guard answers it with 503 (the readiness probe
 * turns 503 at the same moment). {@link #awaitInFlight(Duration)} waits for the count to reach zero.
 *
 * <p>Why not Jetty's own graceful stop alone: it shortens every connection's idle timeout to one second as soon as
 * it starts, so a body still arriving more slowly than that fails (the client got a 400 for a request it had sent
 * before the signal), and it refuses any request dispatched after it starts, even one whose headers had arrived.
 * The server drains with this handler first and stops Jetty only afterwards.
 *
 * <p>The stateful mode's standalone event stream ({@code GET} with {@code Accept: text/event-stream}) is marked but
 * not counted: it is a listener that never completes by itself, not work to finish; the stop closes it and the
 * client reconnects elsewhere.
 */
public final class Drain extends Handler.Wrapper {
    private final Object lock = new Object();
    private volatile boolean draining;
    private volatile long startedNanos;
    private int inFlight;

    /** A drain handler in front of {@code handler}. */
    public Drain(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Jetty's begin time comes from System.nanoTime() too; a request begun before the drain is in flight
        if (draining && request.getBeginNanoTime() - startedNanos >= 0) {
            return super.handle(request, response, callback);
        }
        request.setAttribute(McpGuardFilter.ADMITTED_BEFORE_DRAIN_ATTRIBUTE, Boolean.TRUE);
        if (isEventStream(request)) {
            return super.handle(request, response, callback);
        }
        synchronized (lock) {
            inFlight++;
        }
        AtomicBoolean counting = new AtomicBoolean(true);
        Callback counted = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                finished(counting);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                finished(counting);
                super.failed(x);
            }
        };
        boolean handled = false;
        try {
            handled = super.handle(request, response, counted);
            return handled;
        } finally {
            if (!handled) {
                finished(counting);
            }
        }
    }

    /**
     * Begins the drain: from now on {@link #draining()} is true, and requests that begin arriving are no longer
     * admitted. Calling it again changes nothing.
     */
    public void begin() {
        synchronized (lock) {
            if (!draining) {
                startedNanos = System.nanoTime();
                draining = true;
            }
        }
    }

    /** Whether the drain has begun (the readiness probe answers 503, new requests are refused). */
    public boolean draining() {
        return draining;
    }

    /** The requests admitted before the drain whose response is not complete yet. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /**
     * Waits until no request is in flight, or the grace period is over.
     *
     * @return true when none is left, false when some were still in flight at the deadline
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitInFlight(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000L));
            }
            return true;
        }
    }

    /** Counts a request out, once however its end is reported. */
    private void finished(AtomicBoolean counting) {
        if (!counting.getAndSet(false)) {
            return;
        }
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    private static boolean isEventStream(Request request) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return false;
        }
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.contains("text/event-stream");
    }
}
