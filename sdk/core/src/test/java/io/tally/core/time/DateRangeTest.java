package io.tally.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Date ranges from a fixed clock and zone: relative factories, calendar days, previous periods, checks. */
class DateRangeTest {
    private static final Instant NOW = Instant.parse("2026-03-10T15:30:00Z");
    private static final Clock UTC_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void lastDaysEndsNow() {
        DateRange r = DateRange.lastDays(7, UTC_CLOCK);

        assertThat(r.from()).isEqualTo(at("2026-03-03T15:30:00Z"));
        assertThat(r.to()).isEqualTo(NOW);
        assertThat(r.length()).isEqualTo(Duration.ofDays(7));
        assertThat(r.fromRfc3339()).isEqualTo("2026-03-03T15:30:00Z");
        assertThat(r.toRfc3339()).isEqualTo("2026-03-10T15:30:00Z");
    }

    @Test
    void lastHoursEndsNow() {
        DateRange r = DateRange.lastHours(24, UTC_CLOCK);

        assertThat(r).isEqualTo(DateRange.between(at("2026-03-09T15:30:00Z"), NOW));
    }

    @Test
    void todayAndYesterdayAreWholeDaysInTheClocksZone() {
        assertThat(DateRange.today(UTC_CLOCK))
                .isEqualTo(DateRange.between(at("2026-03-10T00:00:00Z"), at("2026-03-11T00:00:00Z")));
        assertThat(DateRange.yesterday(UTC_CLOCK))
                .isEqualTo(DateRange.between(at("2026-03-09T00:00:00Z"), at("2026-03-10T00:00:00Z")));

        // 23:30 UTC is already the 11th in Paris (UTC+1 in March before the switch)
        Clock paris = Clock.fixed(at("2026-03-10T23:30:00Z"), PARIS);
        DateRange today = DateRange.today(paris);
        assertThat(today.from()).isEqualTo(at("2026-03-10T23:00:00Z"));
        assertThat(today.to()).isEqualTo(at("2026-03-11T23:00:00Z"));
        assertThat(today.zone()).isEqualTo(PARIS);
        assertThat(today.firstDay()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(today.lastDay()).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void monthToDateRunsFromTheFirstToTheEndOfToday() {
        DateRange r = DateRange.monthToDate(UTC_CLOCK);

        assertThat(r.from()).isEqualTo(at("2026-03-01T00:00:00Z"));
        assertThat(r.to()).isEqualTo(at("2026-03-11T00:00:00Z"));
        assertThat(r.firstDay()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(r.lastDay()).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void monthToDateOnTheFirstIsOneDay() {
        DateRange r = DateRange.monthToDate(Clock.fixed(at("2026-04-01T08:00:00Z"), ZoneOffset.UTC));

        assertThat(r.length()).isEqualTo(Duration.ofDays(1));
        assertThat(r.firstDay()).isEqualTo(r.lastDay()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void daysAreInclusiveAndFollowTheZonesClock() {
        DateRange march = DateRange.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        assertThat(march.length()).isEqualTo(Duration.ofDays(31));
        assertThat(march.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));

        // the night the clocks go forward in Paris has 23 hours
        DateRange dst = DateRange.days(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), PARIS);
        assertThat(dst.length()).isEqualTo(Duration.ofHours(23));
        assertThat(dst.from()).isEqualTo(at("2026-03-28T23:00:00Z"));
    }

    @Test
    void previousPeriodHasTheSameLengthAndEndsWhereThisStarts() {
        DateRange week = DateRange.lastDays(7, UTC_CLOCK);

        DateRange before = week.previousPeriod();

        assertThat(before.to()).isEqualTo(week.from());
        assertThat(before.from()).isEqualTo(at("2026-02-24T15:30:00Z"));
        assertThat(before.length()).isEqualTo(week.length());
        assertThat(before.previousPeriod().to()).isEqualTo(before.from());

        DateRange parisDay = DateRange.days(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10), PARIS);
        assertThat(parisDay.previousPeriod().zone()).isEqualTo(PARIS);
        assertThat(parisDay.previousPeriod().firstDay()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void invalidRangesAreRefusedWithAMessageNamingTheField() {
        assertThatThrownBy(() -> DateRange.lastDays(0, UTC_CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be at least 1 day, got 0");
        assertThatThrownBy(() -> DateRange.lastHours(-2, UTC_CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hours must be at least 1");
        assertThatThrownBy(() -> DateRange.days(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("last (2026-03-01) must not be before first (2026-03-02)");
        assertThatThrownBy(() -> DateRange.between(NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after from");
        assertThatThrownBy(() -> DateRange.between(NOW, NOW.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after from");
        assertThatThrownBy(() -> DateRange.between(null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("from");
        assertThatThrownBy(() -> DateRange.days(null, LocalDate.of(2026, 3, 1)))
                .isInstanceOf(NullPointerException.class).hasMessage("first");
    }

    @Test
    void equalityIsByInstants() {
        DateRange a = DateRange.between(at("2026-03-01T00:00:00Z"), at("2026-03-02T00:00:00Z"));
        DateRange b = DateRange.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).isEqualTo("DateRange[2026-03-01T00:00:00Z, 2026-03-02T00:00:00Z)");
        assertThat(a).isNotEqualTo(a.previousPeriod());
    }
}
