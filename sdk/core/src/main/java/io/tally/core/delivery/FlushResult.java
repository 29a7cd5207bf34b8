package io.tally.core.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What became of the records queued before a {@link DeliveryPipeline#flush}: how many the server acknowledged,
 * refused or were dropped, and how many are still queued because the server could not be reached (they will be
 * retried) or the wait timed out.
 */
public final class FlushResult {
    private final int delivered;
    private final int rejected;
    private final int dropped;
    private final int pending;
    private final List<DeliveryFailure> failures;

    FlushResult(int delivered, int rejected, int dropped, int pending, List<DeliveryFailure> failures) {
        this.delivered = delivered;
        this.rejected = rejected;
        this.dropped = dropped;
        this.pending = pending;
        this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
    }

    /**
     * Records the server acknowledged while the flush waited.
     *
     * @return the count
     */
    public int deliveredCount() {
        return delivered;
    }

    /**
     * Records the server refused; they are not sent again.
     *
     * @return the count
     */
    public int rejectedCount() {
        return rejected;
    }

    /**
     * Records dropped because the queue overflowed, the storage lost them, or the pipeline closed.
     *
     * @return the count
     */
    public int droppedCount() {
        return dropped;
    }

    /**
     * Records from before the flush that are still queued: the server was unavailable or the wait timed out.
     *
     * @return the count
     */
    public int pendingCount() {
        return pending;
    }

    /**
     * Every failure reported while the flush waited that concerns its records, oldest first.
     *
     * @return the failures
     */
    public List<DeliveryFailure> failures() {
        return failures;
    }

    /**
     * Whether everything queued before the flush was acknowledged.
     *
     * @return {@code true} when nothing was refused, dropped or left pending
     */
    public boolean isSuccess() {
        return rejected == 0 && dropped == 0 && pending == 0;
    }

    @Override
    public String toString() {
        return "FlushResult[delivered=" + delivered + ", rejected=" + rejected + ", dropped=" + dropped + ", pending="
                + pending + ", failures=" + failures.size() + "]";
    }
}
