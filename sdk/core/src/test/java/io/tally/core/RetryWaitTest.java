package io.tally.core;

import io.tally.core.spi.ClientContext;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How long Tally waits between attempts: the server's hint first, otherwise capped exponential
 * backoff with jitter; a hint longer than allowed surfaces at once. Waits are recorded, never slept.
 */
class RetryWaitTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/waits";

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private static void stub(ResponseDefinitionBuilder response) {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(response));
    }

    private TestRequest<String> get() {
        return TestRequest.text(harness.context(wm.baseUrl()), "GET", PATH);
    }

    private static String httpDate(Duration fromNow) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Harness.NOW.plus(fromNow).atZone(ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void retryAfterSecondsIsWaitedExactly(Mode mode) {
        stub(aResponse().withStatus(429).withHeader("Retry-After", "3"));

        assertThatThrownBy(() -> mode.run(get())).isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void fractionalRetryAfterIsRoundedUpToTheMillisecond(Mode mode) {
        stub(aResponse().withStatus(503).withHeader("Retry-After", "1.5"));

        assertThatThrownBy(() -> mode.run(get())).isInstanceOf(ServerException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void retryAfterHttpDateIsMeasuredFromTheClock(Mode mode) {
        stub(aResponse().withStatus(429).withHeader("Retry-After", httpDate(Duration.ofSeconds(7))));

        assertThatThrownBy(() -> mode.run(get())).isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void retryAfterDateInThePastMeansRetryNow(Mode mode) {
        stub(aResponse().withStatus(429).withHeader("Retry-After", httpDate(Duration.ofSeconds(-30))));

        assertThatThrownBy(() -> mode.run(get())).isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ZERO, Duration.ZERO);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void rateLimitResetUnixTimeIsMeasuredFromTheClock(Mode mode) {
        long reset = Harness.NOW.getEpochSecond() + 11;
        stub(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", Long.toString(reset)));

        assertThatThrownBy(() -> mode.run(get())).isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(11), Duration.ofSeconds(11));
    }

    @Test
    void smallRateLimitResetIsSecondsFromNow() {
        stub(aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "4"));

        assertThatThrownBy(() -> get().execute()).isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void retryAfterWinsOverRateLimitReset() {
        stub(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withHeader("X-RateLimit-Reset", Long.toString(Harness.NOW.getEpochSecond() + 50)));

        assertThatThrownBy(() -> get().maxRetries(1).execute()).isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutAHintTheBackoffGrowsExponentiallyWithJitterUpToTheCap(Mode mode) {
        stub(aResponse().withStatus(503));
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(4)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(300))
                .jitter(0.2)
                .random(() -> 0.5)
                .build();
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl()).retryPolicy(policy));

        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH))).isInstanceOf(ServerException.class);

        // 100, 200, 400→300 (cap), 800→300 (cap); each shortened by jitter × random = 10 %
        assertThat(harness.sleeper.waitsMillis()).containsExactly(90L, 180L, 270L, 270L);
        wm.verify(5, anyRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void unreadableHintFallsBackToBackoff() {
        stub(aResponse().withStatus(429).withHeader("Retry-After", "soon, promise"));
        RetryPolicy policy = RetryPolicy.builder().maxRetries(1).initialBackoff(Duration.ofMillis(250))
                .jitter(0).build();
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl()).retryPolicy(policy));

        assertThatThrownBy(() -> TestRequest.text(context, "GET", PATH).execute())
                .isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofMillis(250));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void connectionFailuresBackOffToo(Mode mode) throws IOException {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(40))
                .jitter(0.5).random(() -> 0.5).build();
        String closed = "http://127.0.0.1:" + RetryRulesTest.closedPort();
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(closed).retryPolicy(policy));

        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "POST", PATH)))
                .isInstanceOf(ApiConnectionException.class);

        assertThat(harness.sleeper.waitsMillis()).containsExactly(30L, 60L);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void readFailuresBackOff(Mode mode) {
        stub(aResponse().withFault(Fault.EMPTY_RESPONSE));
        RetryPolicy policy = RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(10))
                .jitter(0).build();

        assertThatThrownBy(() -> mode.run(get().retryPolicy(policy))).isInstanceOf(ApiConnectionException.class);

        assertThat(harness.sleeper.waitsMillis()).containsExactly(10L, 20L);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hintLongerThanMaxRetryAfterSurfacesAtOnce(Mode mode) {
        stub(aResponse().withStatus(429).withHeader("Retry-After", "120").withBody("slow down"));

        assertThatThrownBy(() -> mode.run(get()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    assertThat(e.getMessage()).contains("429").contains("slow down")
                            .contains("the server asked to wait 120s");
                });

        wm.verify(1, anyRequestedFor(urlEqualTo(PATH)));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hintDateBeyondAPerRequestMaximumSurfacesAtOnce(Mode mode) {
        stub(aResponse().withStatus(429).withHeader("Retry-After", httpDate(Duration.ofSeconds(20))));
        RetryPolicy policy = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> mode.run(get().retryPolicy(policy)))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(20)));

        wm.verify(1, anyRequestedFor(urlEqualTo(PATH)));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void hintExactlyAtTheMaximumIsStillWaitedFor() {
        stub(aResponse().withStatus(429).withHeader("Retry-After", "10"));
        RetryPolicy policy = RetryPolicy.builder().maxRetries(1).maxRetryAfter(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> get().retryPolicy(policy).execute()).isInstanceOf(RateLimitException.class);

        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void rateLimitExceptionAfterRetriesCarriesTheLastHint() {
        stub(aResponse().withStatus(429).withHeader("Retry-After", "5"));

        assertThatThrownBy(() -> get().execute())
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        wm.verify(3, anyRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void policyBackoffArithmetic() {
        RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(8)).jitter(0.25).random(() -> 0.0).build();

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(8)); // no overflow
        RetryPolicy fullJitter = policy.toBuilder().random(() -> 0.999).jitter(1).build();
        assertThat(fullJitter.backoff(1)).isBetween(Duration.ZERO, Duration.ofMillis(1));
    }

    @Test
    void policyValidationNamesTheField() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(21))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
        assertThat(RetryPolicy.defaults().maxRetries()).isEqualTo(2);
        assertThat(RetryPolicy.none().maxRetries()).isZero();
    }
}
