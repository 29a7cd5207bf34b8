package io.tally.core;

import io.tally.core.spi.ClientContext;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A slow server and a short timeout give {@link ApiTimeoutException}. The server really is slow (a
 * fixed delay); the client never sleeps, and its retry waits are recorded.
 */
class TimeoutTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/slow";
    private static final int SERVER_DELAY_MS = 400;
    private static final Duration TIMEOUT = Duration.ofMillis(150);

    private final Harness harness = new Harness();

    @BeforeEach
    void slowServer() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("late")
                .withFixedDelay(SERVER_DELAY_MS)));
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private TestRequest<String> request(String method) {
        return TestRequest.text(harness.context(wm.baseUrl()), method, PATH);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void perRequestTimeoutGivesApiTimeoutException(Mode mode) {
        assertThatThrownBy(() -> mode.run(request("GET").timeout(TIMEOUT).maxRetries(0)))
                .isExactlyInstanceOf(ApiTimeoutException.class)
                .hasMessageStartingWith("Testy GET /slow timed out")
                .hasMessageContaining("raise the timeout");

        assertThat(harness.attempts.get()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void timedOutGetIsRetried(Mode mode) {
        assertThatThrownBy(() -> mode.run(request("GET").timeout(TIMEOUT)))
                .isExactlyInstanceOf(ApiTimeoutException.class);

        // attempts are counted on the client: under load a timed-out request may never reach the server's journal
        assertThat(harness.attempts.get()).isEqualTo(3);
        assertThat(harness.sleeper.waits()).hasSize(2);
        assertThat(harness.noConnectionInUse()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void timedOutPostIsNotRetried(Mode mode) {
        assertThatThrownBy(() -> mode.run(request("POST").timeout(TIMEOUT)))
                .isExactlyInstanceOf(ApiTimeoutException.class);

        assertThat(harness.attempts.get()).isEqualTo(1);
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void clientReadTimeoutGivesApiTimeoutException(Mode mode) {
        ClientContext context = harness.context(Harness.PROVIDER,
                harness.options(wm.baseUrl()).readTimeout(TIMEOUT).maxRetries(0));

        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH)))
                .isExactlyInstanceOf(ApiTimeoutException.class);
    }

    @Test
    void aTimeoutLongerThanTheDelayLetsTheAnswerThrough() {
        assertThat(request("GET").timeout(Duration.ofSeconds(5)).execute()).isEqualTo("late");
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> request("GET").timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> ClientOptions.builder().readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> ClientOptions.builder().callTimeout(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callTimeout");
    }
}
