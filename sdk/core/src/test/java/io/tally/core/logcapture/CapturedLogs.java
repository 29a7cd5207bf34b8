package io.tally.core.logcapture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every line logged through SLF4J while the tests run. Lines are never cleared, so that a test reads
 * them without depending on what ran before it: a test looks for its own marker (a provider name,
 * a path) and checks every line for its own secrets.
 */
public final class CapturedLogs {
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    private CapturedLogs() {}

    static void add(String line) {
        LINES.add(line);
    }

    /** A snapshot of every captured line so far, oldest first. */
    public static List<String> lines() {
        return new ArrayList<>(LINES);
    }
}
