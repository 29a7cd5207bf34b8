package io.tally.hitkeep;

import io.tally.core.RetryPolicy;
import io.tally.core.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Clients for the part-1 behaviour tests: loopback base URL, a clock that moves only when the sleeper "sleeps". */
final class Part1Clients {
    static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String SITE = "5b0e7f0a-3c1d-4e2f-9a8b-7c6d5e4f3a2b";

    final FakeClock clock = new FakeClock(Instant.parse("2026-06-25T10:00:00Z"));
    /** Every wait the client asked for, in order; none is slept. */
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };

    /** A token client without retries, with the fake clock and recording sleeper. */
    HitKeep token(String baseUrl) {
        return HitKeep.builder().baseUrl(baseUrl).apiToken(TOKEN).retryPolicy(RetryPolicy.none())
                .options(o -> o.clock(clock).sleeper(sleeper)).build();
    }

    /** A client with no credentials at all. */
    HitKeep anonymous(String baseUrl) {
        return HitKeep.builder().baseUrl(baseUrl).retryPolicy(RetryPolicy.none()).options(o -> o.clock(clock).sleeper(sleeper)).build();
    }

    /** A clock that stands still until told to move. */
    static final class FakeClock extends Clock {
        private volatile Instant now;

        FakeClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
