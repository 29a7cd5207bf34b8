package io.tally.hitkeep;

import io.tally.core.TallyException;
import io.tally.hitkeep.model.RealtimeEvent;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * A site's realtime events as a blocking iterator, from {@link RealtimeRequest#stream()}. A subscription thread
 * reads the stream (reconnecting as {@link RealtimeSubscription} does) into a small buffer; when the buffer is
 * full it stops reading until the iterator catches up. Iterate it once, on one thread; {@link #close()} from any
 * thread ends it, and a blocked {@link #hasNext()} then returns {@code false}.
 */
public final class RealtimeEventStream implements Iterator<RealtimeEvent>, Iterable<RealtimeEvent>, AutoCloseable {
    private static final int BUFFER = 256;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BUFFER);
    private volatile boolean closedByCaller;
    private RealtimeSubscription subscription;
    private @Nullable RealtimeEvent next;
    private boolean finished;

    @SuppressWarnings("NullAway") // subscription is attached by RealtimeRequest before the stream is handed out
    RealtimeEventStream() {}

    void attach(RealtimeSubscription subscription) {
        this.subscription = subscription;
    }

    /** The listener the subscription feeds. */
    RealtimeListener listener() {
        return new RealtimeListener() {
            @Override
            public void onEvent(RealtimeEvent event) {
                offer(event);
            }

            @Override
            public void onClosed(@Nullable Throwable error) {
                offer(new End(error));
            }
        };
    }

    /**
     * Waits for the next event.
     *
     * @return {@code false} once the stream was closed
     * @throws io.tally.core.ApiException when HitKeep refused the stream (401, 403, 404…)
     * @throws TallyException when the subscription ended for another reason, or the wait was interrupted
     */
    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished || closedByCaller) {
            return false;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TallyException("interrupted while waiting for a HitKeep realtime event", e);
        }
        if (item instanceof End end) {
            finished = true;
            if (end.error == null || closedByCaller) {
                return false;
            }
            if (end.error instanceof RuntimeException re) {
                throw re;
            }
            throw new TallyException("the HitKeep realtime subscription ended: " + end.error, end.error);
        }
        next = (RealtimeEvent) item;
        return true;
    }

    /** The next event, waiting for it if needed. */
    @Override
    public RealtimeEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the realtime stream is closed");
        }
        RealtimeEvent event = Objects.requireNonNull(next); // hasNext() returned true: an event is waiting
        next = null;
        return event;
    }

    /** This stream itself, for use in a for-each loop; it can be iterated once. */
    @Override
    public Iterator<RealtimeEvent> iterator() {
        return this;
    }

    /** The id of the last event received by the subscription. */
    public @Nullable String lastEventId() {
        return subscription.lastEventId();
    }

    /**
     * Waits until the subscription thread has finished.
     *
     * @return whether it finished within {@code timeout}
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return subscription.awaitTermination(timeout);
    }

    /** Ends the subscription; events still buffered are dropped. */
    @Override
    public void close() {
        closedByCaller = true;
        subscription.close();
        queue.clear(); // frees a subscription thread blocked on a full buffer
        queue.offer(new End(null)); // wakes a hasNext() blocked on another thread
    }

    private void offer(Object item) {
        if (closedByCaller) {
            return;
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closedByCaller) {
            queue.clear();
        }
    }

    private record End(@Nullable Throwable error) {}

    @Override
    public String toString() {
        return "RealtimeEventStream[" + subscription + "]";
    }
}
