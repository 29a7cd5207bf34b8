package io.tally.spring.boot;

import io.tally.apicheck.ApiListing;
import org.junit.jupiter.api.Test;

/**
 * The public API of tally-spring-boot-starter matches {@code api/tally-spring-boot-starter.api}; see
 * {@link ApiListing} for how to regenerate it.
 */
class ApiListingTest {
    @Test
    void publicApiMatchesTheCheckedInListing() {
        ApiListing.assertUnchanged("tally-spring-boot-starter");
    }
}
