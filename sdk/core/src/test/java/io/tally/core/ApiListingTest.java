package io.tally.core;

import io.tally.apicheck.ApiListing;
import org.junit.jupiter.api.Test;

/** The public API of tally-core matches {@code api/tally-core.api}; see {@link ApiListing} for how to regenerate it. */
class ApiListingTest {
    @Test
    void publicApiMatchesTheCheckedInListing() {
        ApiListing.assertUnchanged("tally-core");
    }
}
