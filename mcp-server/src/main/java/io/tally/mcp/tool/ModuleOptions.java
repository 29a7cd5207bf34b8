package io.tally.mcp.tool;

import java.time.Clock;
import java.util.Objects;

/**
 * What the server allows a provider module and how the module reads time: the same for every provider.
 *
 * @param allowWrites  registers the provider's write tools (off by default)
 * @param maxRangeDays the longest date window a tool accepts ({@code --max-range-days})
 * @param clock        "now" for default windows (tests inject a fixed clock)
 */
public record ModuleOptions(boolean allowWrites, int maxRangeDays, Clock clock) {
    /** The default of {@code --max-range-days}. */
    public static final int DEFAULT_MAX_RANGE_DAYS = 366;

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code maxRangeDays} is below 1
     */
    public ModuleOptions {
        if (maxRangeDays < 1) {
            throw new IllegalArgumentException("maxRangeDays must be at least 1, got " + maxRangeDays);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** Read-only, 366 days, the system clock. */
    public static ModuleOptions defaults() {
        return new ModuleOptions(false, DEFAULT_MAX_RANGE_DAYS, Clock.systemUTC());
    }

    /** The same options, with write tools registered ({@code true}) or not. */
    public ModuleOptions withAllowWrites(boolean value) {
        return new ModuleOptions(value, maxRangeDays, clock);
    }

    /** The same options, with another longest window. */
    public ModuleOptions withMaxRangeDays(int value) {
        return new ModuleOptions(allowWrites, value, clock);
    }

    /** The same options, with another clock. */
    public ModuleOptions withClock(Clock value) {
        return new ModuleOptions(allowWrites, maxRangeDays, value);
    }
}
