package io.tally.core;

import io.tally.core.internal.TokenBucket;
import io.tally.core.spi.ClientContext;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The client-side limiter lets a burst through, then spaces requests at the configured rate. */
class ClientRateLimitTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void burstBeyondTheBucketWaitsOneIntervalEach(Mode mode) {
        wm.stubFor(any(urlEqualTo("/r")).willReturn(aResponse().withStatus(200).withBody("ok")));
        // time passes while the client waits: the sleeper moves the clock on
        MutableClock clock = new MutableClock(Harness.NOW);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl())
                .clock(clock).sleeper(sleeper).rateLimit(RateLimit.of(10, 3)));

        for (int i = 0; i < 6; i++) {
            assertThat(mode.run(TestRequest.text(context, "GET", "/r"))).isEqualTo("ok");
        }

        // 3 from the full bucket, then one every 100 ms
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(100));
        wm.verify(6, anyRequestedFor(urlEqualTo("/r")));
    }

    @Test
    void waitersQueueBehindEachOtherWhileNoTimePasses() throws InterruptedException {
        RecordingSleeper sleeper = new RecordingSleeper();
        TokenBucket bucket = new TokenBucket(RateLimit.of(4, 2), new MutableClock(Harness.NOW), sleeper);

        for (int i = 0; i < 5; i++) {
            bucket.acquire();
        }

        // the clock stands still, so each caller beyond the burst waits one interval longer
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofMillis(750));
    }

    @Test
    void theBucketRefillsWithTimeUpToItsBurst() throws InterruptedException {
        MutableClock clock = new MutableClock(Harness.NOW);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        TokenBucket bucket = new TokenBucket(RateLimit.of(2, 2), clock, sleeper);

        bucket.acquire();
        bucket.acquire();
        clock.advance(Duration.ofMinutes(5)); // long idle: refills to 2, no more
        bucket.acquire();
        bucket.acquire();
        bucket.acquire();
        clock.advance(Duration.ofMillis(250)); // half a token
        bucket.acquire();

        assertThat(sleeper.waitsMillis()).containsExactly(500L, 250L);
    }

    @Test
    void fractionalRatesSpaceRequestsByTheirInterval() throws InterruptedException {
        RecordingSleeper slow = new RecordingSleeper();
        TokenBucket everyTwoSeconds = new TokenBucket(RateLimit.of(0.5, 1), new MutableClock(Harness.NOW), slow);
        RecordingSleeper fast = new RecordingSleeper();
        TokenBucket twoAndAHalf = new TokenBucket(RateLimit.of(2.5, 1), new MutableClock(Harness.NOW), fast);

        for (int i = 0; i < 3; i++) {
            everyTwoSeconds.acquire();
            twoAndAHalf.acquire();
        }

        assertThat(slow.waitsMillis()).containsExactly(2000L, 4000L);
        assertThat(fast.waitsMillis()).containsExactly(400L, 800L);
    }

    @Test
    void retriesTakeTokensToo() {
        wm.stubFor(any(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503)));
        MutableClock clock = new MutableClock(Harness.NOW);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        RetryPolicy noBackoff = RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build();
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl())
                .clock(clock).sleeper(sleeper).retryPolicy(noBackoff).rateLimit(RateLimit.of(5, 1)));

        assertThatThrownBy(() -> TestRequest.text(context, "GET", "/busy").execute())
                .isInstanceOf(ServerException.class);

        // attempt 1 takes the only token; each retry waits 0 ms of backoff, then 200 ms for a token
        assertThat(sleeper.waitsMillis()).containsExactly(0L, 200L, 0L, 200L);
    }

    @Test
    void derivedViewsShareTheLimiter() {
        wm.stubFor(any(urlEqualTo("/r")).willReturn(aResponse().withStatus(200)));
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl())
                .rateLimit(RateLimit.of(1, 1)));
        ClientContext other = context.withCredentials(Credentials.bearer("another-token"));

        TestRequest.text(context, "GET", "/r").execute();
        TestRequest.text(other, "GET", "/r").execute();

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(other.rateLimiter()).isSameAs(context.rateLimiter());
    }

    @Test
    void rateLimitValidation() {
        assertThatThrownBy(() -> RateLimit.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permitsPerSecond");
        assertThatThrownBy(() -> RateLimit.of(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("permitsPerSecond");
        assertThatThrownBy(() -> RateLimit.of(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst");
        assertThat(RateLimit.of(10, 20).toString()).isEqualTo("RateLimit[10.0/s, burst 20]");
        assertThat(Collections.singletonList(RateLimit.of(4, 1).refillInterval()))
                .containsExactly(Duration.ofMillis(250));
    }
}
