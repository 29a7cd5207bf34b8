package io.tally.hitkeep.model;

import java.util.List;

/** Which visitor dimensions (country, device…) imported events carry, and why some do not. */
public record ImportEventDimensionCoverage(List<String> available, List<String> unavailable, String reason) {
    /** Copies {@code available} and {@code unavailable} into unmodifiable lists; {@code null} becomes empty. */
    public ImportEventDimensionCoverage {
        available = Immutable.list(available);
        unavailable = Immutable.list(unavailable);
    }
}
