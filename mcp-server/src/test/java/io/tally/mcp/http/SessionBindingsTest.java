package io.tally.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sessions are forgotten after idling, on an injected clock: their slots return to their tokens and the table. */
class SessionBindingsTest {
    private static final Duration IDLE = Duration.ofMinutes(30);

    private final AtomicLong nanos = new AtomicLong(1_000);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aSessionIdleForTheTimeoutIsForgottenAndOneUsedMeanwhileIsKept() {
        SessionBindings sessions = new SessionBindings(100, 10, IDLE, nanos::get);
        sessions.bind("s-old", "token-a");
        advance(Duration.ofMinutes(10));
        sessions.bind("s-newer", "token-b");
        advance(Duration.ofMinutes(15));
        // 25 minutes after binding, s-old is used: its idle time starts again
        assertThat(sessions.owner("s-old")).isEqualTo("token-a");
        advance(Duration.ofMinutes(6));
        // s-newer has idled 21 minutes, s-old 6
        assertThat(sessions.size()).isEqualTo(2);

        advance(Duration.ofMinutes(9));
        // s-newer: 30 minutes unused, exactly the timeout; s-old: 15
        assertThat(sessions.owner("s-newer")).as("idle for the timeout: forgotten").isNull();
        assertThat(sessions.owner("s-old")).as("used since, so kept although bound first").isEqualTo("token-a");
        assertThat(sessions.size()).isEqualTo(1);

        advance(IDLE.minusNanos(1));
        assertThat(sessions.size()).as("one nanosecond short of the timeout").isEqualTo(1);
        advance(Duration.ofNanos(1));
        assertThat(sessions.size()).isZero();
        assertThat(sessions.owner("s-old")).isNull();
    }

    @Test
    void theSweepGivesTheSlotsBackToTheTokenAndTheTable() {
        SessionBindings sessions = new SessionBindings(3, 2, IDLE, nanos::get);
        sessions.bind("a1", "token-a");
        sessions.bind("a2", "token-a");
        assertThat(sessions.admit("token-a")).isEqualTo(SessionBindings.Refusal.TOKEN_FULL);
        sessions.bind("b1", "token-b");
        assertThat(sessions.admit("token-c")).isEqualTo(SessionBindings.Refusal.TABLE_FULL);

        advance(Duration.ofMinutes(20));
        assertThat(sessions.owner("b1")).isEqualTo("token-b");
        advance(Duration.ofMinutes(10));
        // token-a's sessions idled 30 minutes; token-b's 10
        assertThat(sessions.admit("token-a")).as("token-a's slots came back").isNull();
        assertThat(sessions.admit("token-c")).as("the table has room again").isNull();
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.owner("a1")).isNull();
        assertThat(sessions.owner("b1")).isEqualTo("token-b");

        sessions.bind("a3", "token-a");
        sessions.bind("a4", "token-a");
        assertThat(sessions.admit("token-a")).as("the count restarted from zero, not from the forgotten two")
                .isEqualTo(SessionBindings.Refusal.TOKEN_FULL);
    }

    @Test
    void closingASessionFreesItsSlotAtOnceAndTheSweepDoesNotCountItTwice() {
        SessionBindings sessions = new SessionBindings(10, 1, IDLE, nanos::get);
        sessions.bind("a1", "token-a");
        sessions.unbind("a1");
        assertThat(sessions.admit("token-a")).isNull();
        sessions.bind("a2", "token-a");
        advance(IDLE);
        assertThat(sessions.admit("token-a")).isNull();
        sessions.bind("a3", "token-a");
        assertThat(sessions.admit("token-a")).isEqualTo(SessionBindings.Refusal.TOKEN_FULL);
        assertThat(sessions.idleTimeout()).isEqualTo(IDLE);
    }
}
