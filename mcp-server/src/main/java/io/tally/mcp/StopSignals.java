package io.tally.mcp;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM and SIGINT as a request to drain and exit normally. The JVM's default for them is to start its shutdown
 * sequence right away: the drain would then run inside a shutdown hook (where nothing may register another hook or
 * call {@code System.exit}), and the process would exit 143 even after a clean drain. With these handlers the first
 * signal runs {@code onStop} (the main thread drains, then returns 0); a second one ends the process at once, for an
 * operator who does not want to wait.
 */
final class StopSignals {
    private StopSignals() {}

    /**
     * Installs the handlers.
     *
     * @return false when the signals cannot be handled here (a JVM started with {@code -Xrs}, a runtime without
     *         {@code jdk.unsupported}); the shutdown hook then drains, and the exit code is the JVM's
     */
    static boolean install(Runnable onStop) {
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            for (String name : List.of("TERM", "INT")) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (stopping.compareAndSet(false, true)) {
                        onStop.run();
                    } else {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                });
            }
            return true;
        } catch (IllegalArgumentException | LinkageError e) {
            return false;
        }
    }
}
