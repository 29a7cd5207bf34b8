package io.tally.mcp;

import io.tally.apicheck.ApiListing;
import org.junit.jupiter.api.Test;

/** The public API of tally-mcp-server matches {@code api/tally-mcp-server.api}; see {@link ApiListing} for how to regenerate it. */
class ApiListingTest {
    @Test
    void publicApiMatchesTheCheckedInListing() {
        ApiListing.assertUnchanged("tally-mcp-server");
    }
}
