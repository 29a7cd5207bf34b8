package io.tally.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tally.core.spi.ClientContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The request listener hook: one start, one retry per extra attempt, exactly one end (response or
 * failure), with the route template rather than the expanded path, and nothing secret.
 */
class RequestListenerTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();
    private final Recorder recorder = new Recorder();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    /** Writes each callback as one line, e.g. {@code retry GET /sites/{id} attempt=1 status=503 wait=PT1S}. */
    static final class Recorder implements RequestListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<RequestEvent> events = new CopyOnWriteArrayList<>();

        private static String describe(RequestEvent e) {
            return e.provider() + " " + e.method() + " " + e.route() + " attempt=" + e.attempt() + " status="
                    + e.status();
        }

        @Override
        public void onRequest(RequestEvent event) {
            events.add(event);
            lines.add("request " + describe(event));
        }

        @Override
        public void onRetry(RequestEvent event, Duration wait) {
            events.add(event);
            lines.add("retry " + describe(event) + " wait=" + wait);
        }

        @Override
        public void onResponse(RequestEvent event) {
            events.add(event);
            lines.add("response " + describe(event));
        }

        @Override
        public void onFailure(RequestEvent event, RuntimeException error) {
            events.add(event);
            lines.add("failure " + describe(event) + " " + error.getClass().getSimpleName());
        }
    }

    private ClientContext context(RequestListener... listeners) {
        ClientOptions.Builder options = harness.options(wm.baseUrl());
        for (RequestListener l : listeners) {
            options.requestListener(l);
        }
        return ClientContext.create(Harness.PROVIDER, options.build());
    }

    private TestRequest<String> getSite(ClientContext context) {
        return TestRequest.text(context, "GET", "/sites/{id}", "secret-site-42");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void successfulRequestStartsAndEndsOnce(Mode mode) {
        wm.stubFor(any(urlPathMatching("/sites/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(mode.run(getSite(context(recorder)))).isEqualTo("ok");

        assertThat(recorder.lines).containsExactly(
                "request Testy GET /sites/{id} attempt=1 status=0",
                "response Testy GET /sites/{id} attempt=1 status=200");
        assertThat(recorder.events.get(0).duration()).isZero();
        assertThat(recorder.events.get(1).duration()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachRetryIsReportedWithTheFailedAttemptsStatusAndTheWait(Mode mode) {
        wm.stubFor(any(urlPathMatching("/sites/.*")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")).willSetStateTo("second"));
        wm.stubFor(any(urlPathMatching("/sites/.*")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("third"));
        wm.stubFor(any(urlPathMatching("/sites/.*")).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(mode.run(getSite(context(recorder)))).isEqualTo("ok");

        assertThat(recorder.lines).hasSize(4);
        assertThat(recorder.lines.get(0)).isEqualTo("request Testy GET /sites/{id} attempt=1 status=0");
        assertThat(recorder.lines.get(1)).isEqualTo("retry Testy GET /sites/{id} attempt=1 status=503 wait=PT2S");
        assertThat(recorder.lines.get(2)).isEqualTo("retry Testy GET /sites/{id} attempt=2 status=429 wait=PT1S");
        assertThat(recorder.lines.get(3)).isEqualTo("response Testy GET /sites/{id} attempt=3 status=200");
        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void errorStatusEndsAsFailureWithThatStatus(Mode mode) {
        wm.stubFor(any(urlPathMatching("/sites/.*")).willReturn(aResponse().withStatus(404).withBody("{}")));

        assertThatThrownBy(() -> mode.run(getSite(context(recorder)))).isInstanceOf(NotFoundException.class);

        assertThat(recorder.lines).containsExactly(
                "request Testy GET /sites/{id} attempt=1 status=0",
                "failure Testy GET /sites/{id} attempt=1 status=404 NotFoundException");
    }

    @Test
    void connectionFailureEndsAsFailureWithoutStatus() {
        wm.stubFor(any(urlPathMatching("/sites/.*")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ClientContext context = ClientContext.create(Harness.PROVIDER,
                harness.options(wm.baseUrl()).retryPolicy(RetryPolicy.none()).requestListener(recorder).build());

        assertThatThrownBy(() -> getSite(context).execute()).isInstanceOf(ApiConnectionException.class);

        assertThat(recorder.lines).containsExactly(
                "request Testy GET /sites/{id} attempt=1 status=0",
                "failure Testy GET /sites/{id} attempt=1 status=0 ApiConnectionException");
    }

    @Test
    void aThrowingListenerNeitherFailsTheRequestNorSilencesTheNextOne() {
        wm.stubFor(any(urlPathMatching("/sites/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        RequestListener broken = new RequestListener() {
            @Override
            public void onRequest(RequestEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onResponse(RequestEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };

        assertThat(getSite(context(broken, recorder)).execute()).isEqualTo("ok");

        assertThat(recorder.lines).containsExactly(
                "request Testy GET /sites/{id} attempt=1 status=0",
                "response Testy GET /sites/{id} attempt=1 status=200");
    }

    @Test
    void eventsNeverCarryTheExpandedPathOrCredentials() {
        wm.stubFor(any(urlPathMatching("/sites/.*")).willReturn(aResponse().withStatus(500).withBody("boom")));
        ClientContext context = ClientContext.create(Harness.PROVIDER,
                harness.options(wm.baseUrl()).maxRetries(1).requestListener(recorder).build());

        assertThatThrownBy(() -> getSite(context).execute()).isInstanceOf(ServerException.class);

        assertThat(recorder.events).hasSize(3);
        for (RequestEvent e : recorder.events) {
            assertThat(e.toString()).doesNotContain("secret-site-42").doesNotContain("test-token");
        }
        assertThat(recorder.lines.get(2))
                .isEqualTo("failure Testy GET /sites/{id} attempt=2 status=500 ServerException");
    }

    @Test
    void listenersAreCopiedIntoDerivedOptionsAndTheListIsReadOnly() {
        ClientOptions options = ClientOptions.builder().requestListener(recorder).build();

        assertThat(options.toBuilder().build().requestListeners()).containsExactly(recorder);
        assertThatThrownBy(() -> options.requestListeners().add(recorder))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ClientOptions.builder().requestListener(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void eventRejectsAnAttemptBelowOne() {
        assertThatThrownBy(() -> new RequestEvent("Testy", "GET", "/", 0, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
    }
}
