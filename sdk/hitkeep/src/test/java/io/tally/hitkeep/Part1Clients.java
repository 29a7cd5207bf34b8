package io.tally.hitkeep;

import io.tally.core.RetryPolicy;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;
import java.time.Instant;

/** Clients for the part-1 behaviour tests: loopback base URL, a clock that moves only when the sleeper "sleeps". */
final class Part1Clients {
    static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String SITE = "5b0e7f0a-3c1d-4e2f-9a8b-7c6d5e4f3a2b";

    final ManualClock clock = ManualClock.at(Instant.parse("2026-06-25T10:00:00Z"));
    /** Records every wait the client asks for, in order, and moves {@link #clock} on by it; none is slept. */
    final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);

    /** A token client without retries, with the manual clock and recording sleeper. */
    HitKeep token(String baseUrl) {
        return HitKeep.builder().baseUrl(baseUrl).apiToken(TOKEN).retryPolicy(RetryPolicy.none())
                .options(o -> o.clock(clock).sleeper(sleeper)).build();
    }

    /** A client with no credentials at all. */
    HitKeep anonymous(String baseUrl) {
        return HitKeep.builder().baseUrl(baseUrl).retryPolicy(RetryPolicy.none())
                .options(o -> o.clock(clock).sleeper(sleeper)).build();
    }
}
