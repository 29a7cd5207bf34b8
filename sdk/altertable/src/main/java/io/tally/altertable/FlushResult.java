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
    private final io.tally.core.delivery.FlushResult result;
    private final List<DeliveryFailure> failures;

    FlushResult(io.tally.core.delivery.FlushResult result) {
        this.result = result;
        List<DeliveryFailure> views = new ArrayList<>(result.failures().size());
        for (io.tally.core.delivery.DeliveryFailure f : result.failures()) {
            views.add(new DeliveryFailure(f));
        }
        this.failures = Collections.unmodifiableList(views);
    }

    /** Payloads Altertable acknowledged (2xx) while this flush waited. */
    public int deliveredCount() {
        return result.deliveredCount();
    }

    /** Payloads Altertable refused (4xx other than 408/429); they are not sent again. */
    public int rejectedCount() {
        return result.rejectedCount();
    }

    /** Payloads dropped because the queue overflowed or the client closed. */
    public int droppedCount() {
        return result.droppedCount();
    }

    /** Payloads from before the flush that are still queued: the server was unavailable or the wait timed out. */
    public int pendingCount() {
        return result.pendingCount();
    }

    /** Every failure reported while this flush waited, oldest first. */
    public List<DeliveryFailure> failures() {
        return failures;
    }

    /** Whether everything queued before the flush was acknowledged by Altertable. */
    public boolean isSuccess() {
        return result.isSuccess();
    }

    @Override
    public String toString() {
        return result.toString();
    }
}
