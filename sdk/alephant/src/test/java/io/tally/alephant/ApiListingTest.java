package io.tally.alephant;

import io.tally.apicheck.ApiListing;
import org.junit.jupiter.api.Test;

/** The public API of tally-alephant matches {@code api/tally-alephant.api}; see {@link ApiListing} for how to regenerate it. */
class ApiListingTest {
    @Test
    void publicApiMatchesTheCheckedInListing() {
        ApiListing.assertUnchanged("tally-alephant");
    }
}
