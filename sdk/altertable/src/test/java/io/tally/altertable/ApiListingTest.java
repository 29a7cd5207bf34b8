package io.tally.altertable;

import io.tally.apicheck.ApiListing;
import org.junit.jupiter.api.Test;

/** The public API of tally-altertable matches {@code api/tally-altertable.api}; see {@link ApiListing} for how to regenerate it. */
class ApiListingTest {
    @Test
    void publicApiMatchesTheCheckedInListing() {
        ApiListing.assertUnchanged("tally-altertable");
    }
}
