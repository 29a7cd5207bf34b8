package io.tally.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestOptionsTest {

    @Test
    void defaultsFitTwoCoresInAFewMinutes() {
        IngestOptions options = IngestOptions.parse(new String[0]);

        assertThat(options.events()).isEqualTo(200_000);
        assertThat(options.threads()).isEqualTo(4);
        assertThat(options.rounds()).isEqualTo(5);
        assertThat(options.warmupRounds()).isEqualTo(1);
        assertThat(options.heapEvents()).isEqualTo(100_000);
        assertThat(options.batchSize()).isZero();
        assertThat(options.libraries()).containsExactly(Library.TALLY, Library.SEGMENT, Library.POSTHOG);
        assertThat(options.deliveryTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void readsCountsWithSuffixesSeparatorsAndEqualsSigns() {
        IngestOptions options = IngestOptions.parse(
                new String[] {"--events", "1m", "--threads=8", "--rounds", "3", "--heap-events", "50_000",
                        "--batch-size", "100", "--warmup", "0", "--timeout-seconds", "30"});

        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.threads()).isEqualTo(8);
        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.heapEvents()).isEqualTo(50_000);
        assertThat(options.batchSize()).isEqualTo(100);
        assertThat(options.warmupRounds()).isZero();
        assertThat(options.deliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void keepsTheLibraryOrderGivenWithoutRepeats() {
        IngestOptions options = IngestOptions.parse(new String[] {"--libraries", "posthog, TALLY,posthog"});

        assertThat(options.libraries()).containsExactly(Library.POSTHOG, Library.TALLY);
    }

    @Test
    void namesTheFlagThatIsWrong() {
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--events", "lots"}))
                .isInstanceOf(IngestOptions.UsageException.class)
                .hasMessageContaining("--events")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--threads", "0"}))
                .hasMessageContaining("--threads must be positive");
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--libraries", "mixpanel"}))
                .hasMessageContaining("unknown library 'mixpanel'");
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--rounds"}))
                .hasMessageContaining("--rounds needs a value");
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--speed", "fast"}))
                .hasMessageContaining("unknown flag --speed");
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--events", "3", "--threads", "4"}))
                .hasMessageContaining("--threads (4) must not exceed --events");
    }

    @Test
    void helpIsAUsageRequestWithoutAnError() {
        assertThatThrownBy(() -> IngestOptions.parse(new String[] {"--help"}))
                .isInstanceOf(IngestOptions.UsageException.class)
                .hasMessage(null);
    }
}
