package io.tally.altertable.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written wire timestamp against the DateTimeFormatter it replaces. */
class PayloadsTimestampTest {
    private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void edgesOfTheRangeAndOfTheMillisecond() {
        for (String s : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "2024-02-29T12:34:56.007Z", "2026-12-06T07:35:00.000999Z"}) {
            Instant instant = Instant.parse(s);
            assertThat(Payloads.formatTimestamp(instant)).as(s)
                    .isEqualTo(Payloads.formatTimestampWithFormatter(instant));
        }
        assertThat(Payloads.formatTimestamp(Instant.parse("2026-12-06T07:35:00.123456Z")))
                .isEqualTo("2026-12-06T07:35:00.123Z");
    }

    @Test
    void randomInstantsAcrossTheRangeMatchTheFormatter() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(FIRST, LAST + 1), random.nextInt(1_000_000_000));
            assertThat(Payloads.formatTimestamp(instant)).isEqualTo(Payloads.formatTimestampWithFormatter(instant));
        }
    }
}
