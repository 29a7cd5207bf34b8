package io.tally.hitkeep;

import io.tally.hitkeep.model.IngestRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What happened to each record of a batch: how many HitKeep accepted, which failed and why, and which were not
 * sent (after a failure with {@code stopOnFailure(true)}, or when the thread was interrupted). Every record is in
 * exactly one of the three.
 */
public final class IngestBatchResult {
    private final int total;
    private final int succeeded;
    private final List<IngestFailure> failures;
    private final List<IngestRecord> notSent;

    IngestBatchResult(int total, int succeeded, List<IngestFailure> failures, List<IngestRecord> notSent) {
        this.total = total;
        this.succeeded = succeeded;
        this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
        this.notSent = Collections.unmodifiableList(new ArrayList<>(notSent));
    }

    /** How many records the batch had. */
    public int total() {
        return total;
    }

    /** How many HitKeep accepted (202; it may still drop some on purpose, e.g. Do-Not-Track). */
    public int succeeded() {
        return succeeded;
    }

    /** The records HitKeep refused or that could not be delivered, in order. */
    public List<IngestFailure> failures() {
        return failures;
    }

    /** The records never sent, in order. */
    public List<IngestRecord> notSent() {
        return notSent;
    }

    /** Whether every record was accepted. */
    public boolean allSucceeded() {
        return succeeded == total;
    }

    @Override
    public String toString() {
        return "IngestBatchResult[" + succeeded + "/" + total + " accepted, " + failures.size() + " failed, "
                + notSent.size()
                + " not sent]";
    }
}
