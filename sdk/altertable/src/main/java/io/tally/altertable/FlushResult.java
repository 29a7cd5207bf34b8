package io.tally.altertable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What became of the payloads queued before a {@link Altertable#flush()}: how many Altertable
 * acknowledged, how many it refused, how many were dropped, and how many are still queued because
 * the server could not be reached (they will be retried) or the wait timed out.
 *
 * <pre>{@code
 * FlushResult result = altertable.flush();
 * if (!result.isSuccess()) {
 *     log.warn("analytics not fully delivered: {}", result);
 * }
 * }</pre>
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

    /** Payloads Altertable acknowledged (2xx) while this flush waited. */
    public int deliveredCount() {
        return delivered;
    }

    /** Payloads Altertable refused (4xx other than 408/429); they are not sent again. */
    public int rejectedCount() {
        return rejected;
    }

    /** Payloads dropped because the queue overflowed or the client closed. */
    public int droppedCount() {
        return dropped;
    }

    /** Payloads from before the flush that are still queued: the server was unavailable or the wait timed out. */
    public int pendingCount() {
        return pending;
    }

    /** Every failure reported while this flush waited, oldest first. */
    public List<DeliveryFailure> failures() {
        return failures;
    }

    /** Whether everything queued before the flush was acknowledged by Altertable. */
    public boolean isSuccess() {
        return rejected == 0 && dropped == 0 && pending == 0;
    }

    @Override
    public String toString() {
        return "FlushResult[delivered=" + delivered + ", rejected=" + rejected + ", dropped=" + dropped + ", pending="
                + pending + ", failures=" + failures.size() + "]";
    }
}
