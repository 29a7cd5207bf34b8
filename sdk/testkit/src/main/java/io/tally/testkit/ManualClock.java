package io.tally.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, so that code reading the time (retry waits, rate
 * limits, session expiry, default date ranges) can be tested without waiting for real time to pass. Give it to a
 * client or a fake wherever they take a {@code Clock}, and pair it with a {@link RecordingSleeper} that
 * {@linkplain RecordingSleeper#advancing(ManualClock) moves it on} by each wait the code asks for:
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-06-25T10:00:00Z"));
 * RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
 * HitKeep hitkeep = HitKeep.builder()
 *     .baseUrl(fake.baseUrl())
 *     .apiToken(token)
 *     .options(o -> o.clock(clock).sleeper(sleeper))
 *     .build();
 * …
 * clock.advance(Duration.ofMinutes(15));   // what a quarter of an hour later looks like
 * }</pre>
 *
 * <p>The clock is in UTC; {@link #withZone(ZoneId)} returns a view in another zone that shares this clock's
 * time, so moving either moves both. Instances are thread-safe: a test thread may move the clock while the
 * code under test reads it.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock in UTC that reads {@code start} until it is moved.
     *
     * @throws IllegalArgumentException if {@code start} is {@code null}
     */
    public static ManualClock at(Instant start) {
        return new ManualClock(new AtomicReference<>(requireInstant(start)), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward by {@code amount} and returns the new time.
     *
     * @throws IllegalArgumentException if {@code amount} is {@code null} or negative (use {@link #set(Instant)} to
     *                                  move the clock back)
     */
    public Instant advance(Duration amount) {
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("amount must be zero or positive, got " + amount
                    + "; use set(Instant) to move the clock back");
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    /**
     * Sets the time to {@code instant}, forward or back (a test of how code copes with a clock that is corrected).
     *
     * @throws IllegalArgumentException if {@code instant} is {@code null}
     */
    public void set(Instant instant) {
        now.set(requireInstant(instant));
    }

    /** The current time: the start, plus every advance, or the last {@link #set(Instant) set} time. */
    @Override
    public Instant instant() {
        return Objects.requireNonNull(now.get(), "now"); // set only to non-null instants
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    /** The zone: UTC, unless this is a {@link #withZone(ZoneId)} view. */
    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of this clock in {@code zone}: it shares the time, so moving either clock moves both. */
    @Override
    public ManualClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new ManualClock(now, zone);
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + ", " + zone + "]";
    }

    private static Instant requireInstant(Instant instant) {
        if (instant == null) {
            throw new IllegalArgumentException("instant must not be null");
        }
        return instant;
    }
}
