package io.tally.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flags of the {@code ingest} benchmark. Counts accept {@code _} separators and a {@code k} or
 * {@code m} suffix ({@code 200k}, {@code 1m}).
 *
 * @param events events per run (throughput, latency, zero-loss check)
 * @param threads threads calling {@code track} concurrently
 * @param rounds measured rounds per library; the table shows medians across them
 * @param warmupRounds unmeasured rounds per library before the first measured one
 * @param heapEvents events held queued for the heap measurement
 * @param batchSize events per request for every library, or 0 for each library's default
 * @param libraries the libraries to run, in the order of the first round
 * @param deliveryTimeout how long to wait for the sink to receive every event of a run
 */
record IngestOptions(
        int events,
        int threads,
        int rounds,
        int warmupRounds,
        int heapEvents,
        int batchSize,
        List<Library> libraries,
        Duration deliveryTimeout) {

    static final String USAGE = String.join(
            "\n",
            "usage: java -jar tally-benchmarks.jar ingest [flags]",
            "",
            "Runs Tally's Altertable client, Segment analytics-java and PostHog posthog-server side by",
            "side against one local HTTP sink and prints medians across rounds, with ratios vs Tally.",
            "",
            "  --events N           events per run                         (default 200k)",
            "  --threads T          threads calling track concurrently     (default 4)",
            "  --rounds R           measured rounds per library            (default 5)",
            "  --warmup W           unmeasured warm-up rounds per library  (default 1)",
            "  --heap-events N      events queued for the heap column      (default 100k)",
            "  --batch-size B       events per request for every library   (default: each library's own)",
            "  --libraries L,...    any of tally,segment,posthog           (default: all three)",
            "  --timeout-seconds S  wait for delivery per run              (default 120)",
            "",
            "Exit status: 0 when every run delivered exactly N events, 1 on loss or duplicates,",
            "2 on a usage error.");

    static IngestOptions parse(String[] args) {
        int events = 200_000;
        int threads = 4;
        int rounds = 5;
        int warmup = 1;
        int heapEvents = 100_000;
        int batchSize = 0;
        List<Library> libraries = List.of(Library.values());
        long timeoutSeconds = 120;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                throw new UsageException(null);
            }
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument '" + flag + "'");
            }
            String name = flag;
            String value;
            int equals = flag.indexOf('=');
            if (equals > 0) {
                name = flag.substring(0, equals);
                value = flag.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(flag + " needs a value");
            }
            switch (name) {
                case "--events" -> events = positive(name, value);
                case "--threads" -> threads = positive(name, value);
                case "--rounds" -> rounds = positive(name, value);
                case "--warmup" -> warmup = atLeastZero(name, value);
                case "--heap-events" -> heapEvents = positive(name, value);
                case "--batch-size" -> batchSize = positive(name, value);
                case "--timeout-seconds" -> timeoutSeconds = positive(name, value);
                case "--libraries" -> libraries = libraries(value);
                default -> throw new UsageException("unknown flag " + name);
            }
        }
        if (threads > events) {
            throw new UsageException("--threads (" + threads + ") must not exceed --events");
        }
        return new IngestOptions(
                events,
                threads,
                rounds,
                warmup,
                heapEvents,
                batchSize,
                libraries,
                Duration.ofSeconds(timeoutSeconds));
    }

    private static List<Library> libraries(String value) {
        List<Library> chosen = new ArrayList<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Library library;
            try {
                library = Library.fromFlag(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (!chosen.contains(library)) {
                chosen.add(library);
            }
        }
        if (chosen.isEmpty()) {
            throw new UsageException("--libraries needs at least one of tally,segment,posthog");
        }
        return List.copyOf(chosen);
    }

    private static int positive(String flag, String value) {
        int parsed = count(flag, value);
        if (parsed <= 0) {
            throw new UsageException(flag + " must be positive, got " + value);
        }
        return parsed;
    }

    private static int atLeastZero(String flag, String value) {
        int parsed = count(flag, value);
        if (parsed < 0) {
            throw new UsageException(flag + " must be zero or more, got " + value);
        }
        return parsed;
    }

    private static int count(String flag, String value) {
        String text = value.trim().replace("_", "").toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (text.endsWith("k")) {
            multiplier = 1_000;
            text = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            multiplier = 1_000_000;
            text = text.substring(0, text.length() - 1);
        }
        try {
            long parsed = Long.parseLong(text) * multiplier;
            if (parsed > Integer.MAX_VALUE) {
                throw new UsageException(flag + " is too large: " + value);
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects a whole number such as 200000 or 200k, got " + value);
        }
    }

    /** A bad command line; a null message asks for the usage text alone. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
