package io.tally.testkit;

import io.tally.apicheck.ApiListing;
import org.junit.jupiter.api.Test;

/** The public API of tally-testkit matches {@code api/tally-testkit.api}; see {@link ApiListing} for how to regenerate it. */
class ApiListingTest {
    @Test
    void publicApiMatchesTheCheckedInListing() {
        ApiListing.assertUnchanged("tally-testkit");
    }
}
