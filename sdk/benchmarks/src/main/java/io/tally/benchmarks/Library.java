package io.tally.benchmarks;

import io.tally.benchmarks.LocalSink.Route;
import java.util.Locale;

/** The clients the ingest benchmark runs side by side, Tally first. */
enum Library {
    TALLY("Tally Altertable", Route.ALTERTABLE) {
        @Override
        IngestDriver open(DriverSettings settings) {
            return new TallyDriver(settings);
        }

        @Override
        String describe(DriverSettings settings) {
            return TallyDriver.describe(settings);
        }
    },
    SEGMENT("Segment " + SegmentDriver.VERSION, Route.SEGMENT) {
        @Override
        IngestDriver open(DriverSettings settings) {
            return new SegmentDriver(settings);
        }

        @Override
        String describe(DriverSettings settings) {
            return SegmentDriver.describe(settings);
        }
    },
    POSTHOG("PostHog " + PostHogDriver.VERSION, Route.POSTHOG) {
        @Override
        IngestDriver open(DriverSettings settings) {
            return new PostHogDriver(settings);
        }

        @Override
        String describe(DriverSettings settings) {
            return PostHogDriver.describe(settings);
        }
    };

    private final String label;
    private final Route route;

    Library(String label, Route route) {
        this.label = label;
        this.route = route;
    }

    /** Name shown in the table. */
    String label() {
        return label;
    }

    /** The sink route this library's client posts to. */
    Route route() {
        return route;
    }

    /** Name accepted by {@code --libraries}. */
    String flagName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Opens a client that sends to the sink. */
    abstract IngestDriver open(DriverSettings settings);

    /** The client configuration, as code a reader can compare. */
    abstract String describe(DriverSettings settings);

    static Library fromFlag(String name) {
        for (Library library : values()) {
            if (library.flagName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return library;
            }
        }
        throw new IllegalArgumentException(
                "--libraries: unknown library '" + name + "'; expected tally, segment or posthog");
    }
}
