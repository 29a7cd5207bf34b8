package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.FakeAltertableExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension serves a class-wide fake and starts each test from a clean one. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeAltertableExtensionTest {
    @RegisterExtension
    static final FakeAltertableExtension ALTERTABLE = new FakeAltertableExtension(
            FakeAltertable.builder().environments("production", "staging"));

    private static int firstPort;

    private static Altertable client(FakeAltertable fake) {
        return Altertable.builder().apiKey(FakeAltertable.DEFAULT_API_KEY).baseUrl(fake.baseUrl())
                .environment("staging").build();
    }

    @Test
    @Order(1)
    void aTestGetsTheRunningFakeAsAParameter(FakeAltertable fake) {
        assertThat(fake).isSameAs(ALTERTABLE.fake());
        firstPort = fake.port();
        try (Altertable altertable = client(fake)) {
            altertable.track("E", "user-1");
            assertThat(altertable.flush().isSuccess()).isTrue();
        }
        assertThat(fake.tracks()).hasSize(1);
    }

    @Test
    @Order(2)
    void everyTestStartsWithNothingRecorded() {
        // order only makes the reset observable; each test passes on its own too
        FakeAltertable fake = ALTERTABLE.fake();
        assertThat(fake.events()).isEmpty();
        assertThat(fake.requestCount()).isZero();
        if (firstPort != 0) {
            assertThat(fake.port()).as("one fake for the class").isEqualTo(firstPort);
        }
    }
}
