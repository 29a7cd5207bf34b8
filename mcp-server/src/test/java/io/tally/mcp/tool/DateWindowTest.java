package io.tally.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateWindowTest {
    private static final DateWindow.Rules RULES = new DateWindow.Rules(Duration.ofDays(30), 366);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-25T10:15:30.750Z"), ZoneOffset.UTC);

    private static DateWindow resolve(Map<String, Object> args) {
        return RULES.resolve(Arguments.of(args), CLOCK);
    }

    @Test
    void aProviderNamesItsOwnDefaultSpanAndLongestWindow() {
        DateWindow.Rules week = new DateWindow.Rules(Duration.ofDays(7), 31);
        DateWindow w = week.resolve(Arguments.of(Map.of()), CLOCK);
        assertThat(w.fromText()).isEqualTo("2026-06-18T10:15:30Z");
        assertThatThrownBy(() -> week.resolve(Arguments.of(Map.of("from", "2026-05-01T00:00:00Z")), CLOCK))
                .isInstanceOf(ToolFailure.class).hasMessageStartingWith("date range exceeds 31 days");
        assertThatThrownBy(() -> new DateWindow.Rules(Duration.ZERO, 31)).hasMessageContaining("defaultSpan");
        assertThatThrownBy(() -> new DateWindow.Rules(Duration.ofDays(1), 0)).hasMessageContaining("maxDays");
    }

    @Test
    void defaultsToTheThirtyDaysEndingNowInWholeSeconds() {
        DateWindow w = resolve(Map.of());
        assertThat(w.toText()).isEqualTo("2026-06-25T10:15:30Z");
        assertThat(w.fromText()).isEqualTo("2026-05-26T10:15:30Z");
    }

    @Test
    void onlyToGivenMeansThirtyDaysBeforeIt() {
        DateWindow w = resolve(Map.of("to", "2026-03-01T12:00:00+01:00"));
        assertThat(w.toText()).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(w.fromText()).isEqualTo("2026-01-30T11:00:00Z");
    }

    @Test
    void echoesUtcWholeSecondsForFractionalOffsetInput() {
        DateWindow w = resolve(Map.of("from", "2026-06-01T00:00:00.123456789-02:00", "to", "2026-06-02T00:00:00Z"));
        assertThat(w.fromText()).isEqualTo("2026-06-01T02:00:00Z");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> resolve(Map.of("from", "2026-06-02T00:00:00Z", "to", "2026-06-01T00:00:00Z")))
                .isInstanceOf(ToolFailure.class).hasMessageStartingWith("to must be after from");
        assertThatThrownBy(() -> resolve(Map.of("from", "2026-06-02T00:00:00Z", "to", "2026-06-02T00:00:00Z")))
                .hasMessageStartingWith("to must be after from");
    }

    @Test
    void refusesMoreThanTheMaximumSpan() {
        assertThat(resolve(Map.of("from", "2025-06-24T00:00:00Z", "to", "2026-06-25T00:00:00Z")).fromText())
                .isEqualTo("2025-06-24T00:00:00Z");
        assertThatThrownBy(() -> resolve(Map.of("from", "2025-06-23T23:59:59Z", "to", "2026-06-25T00:00:00Z")))
                .hasMessageStartingWith("date range exceeds 366 days");
    }

    @Test
    void namesTheUnparseableBound() {
        assertThatThrownBy(() -> resolve(Map.of("from", "2026-06-01"))).isInstanceOf(ToolFailure.class)
                .hasMessageStartingWith("invalid from timestamp, expected RFC3339");
        assertThatThrownBy(() -> resolve(Map.of("to", "now")))
                .hasMessageStartingWith("invalid to timestamp, expected RFC3339");
    }

    @Test
    void comparisonNeedsBothBounds() {
        assertThat(DateWindow.resolveComparison(Arguments.of(Map.of()), 366)).isEmpty();
        assertThatThrownBy(
                () -> DateWindow.resolveComparison(Arguments.of(Map.of("compare_to", "2026-06-01T00:00:00Z")), 366))
                .hasMessage("compare_from and compare_to are required together");
        assertThat(DateWindow.resolveComparison(Arguments.of(Map.of("compare_from", "2026-05-01T00:00:00Z",
                "compare_to", "2026-06-01T00:00:00Z")), 366)).get().extracting(DateWindow::fromText)
                .isEqualTo("2026-05-01T00:00:00Z");
    }

    @Test
    void previousPeriodHasTheSameLength() {
        DateWindow w = resolve(Map.of("from", "2026-06-01T00:00:00Z", "to", "2026-06-08T00:00:00Z")).previous();
        assertThat(w.fromText()).isEqualTo("2026-05-25T00:00:00Z");
        assertThat(w.toText()).isEqualTo("2026-06-01T00:00:00Z");
    }
}
