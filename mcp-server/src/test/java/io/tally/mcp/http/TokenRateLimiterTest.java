package io.tally.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        TokenRateLimiter limiter = new TokenRateLimiter(120, 3, 10, nanos::get);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(Duration.ofMillis(500));
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(limiter.tryAcquire("a")).isPositive();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.tryAcquire("a")).isZero();
    }

    @Test
    void keepsOneBucketPerKeyAndForgetsTheOldest() {
        TokenRateLimiter limiter = new TokenRateLimiter(60, 1, 2, nanos::get);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isPositive();
        assertThat(limiter.tryAcquire("b")).as("another caller").isZero();
        assertThat(limiter.tryAcquire("c")).isZero();
        assertThat(limiter.tryAcquire("a")).as("a was forgotten: a fresh bucket").isZero();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new TokenRateLimiter(0, 1, 1, nanos::get)).hasMessageContaining("at least 1 request");
        assertThatThrownBy(() -> new TokenRateLimiter(1, 0, 1, nanos::get)).hasMessageContaining("burst");
    }
}
