package io.tally.altertable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.json.TallyJson;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How every known response shape is read: the three error bodies, odd success bodies, 413 and Retry-After on 503. */
class ErrorResponsesTest {
    private static WireMockServer server;
    private Altertable altertable;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void start() {
        server.resetAll();
        altertable = Altertable.builder()
                .apiKey("pk_test_wiremock")
                .baseUrl("http://127.0.0.1:" + server.port())
                .environment("staging")
                .flushAt(1000)
                .ticker(new ManualTicker())
                .sleeper(sleeper)
                .retryPolicy(TestSupport.deterministicRetries(3))
                .build();
    }

    @AfterEach
    void stop() {
        altertable.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // the mock's shape
            "400|{\"ok\":false,\"error_code\":\"environment-not-found\"}|environment-not-found",
            // the client spec's shape, at 422
            "422|{\"error\":\"environment-not-found\",\"message\":\"Environment 'staging' not found for this project.\",\"details\":{}}|environment-not-found",
            // the older documentation's shape
            "400|{\"error\":{\"message\":\"Invalid payload\",\"code\":\"VALIDATION_ERROR\"}}|VALIDATION_ERROR",
            // error_code is read first
            "400|{\"error_code\":\"insert-failed\",\"error\":\"other\"}|insert-failed",
            // plain text: no code
            "400|Failed to parse the request body as JSON|"
    })
    void errorCodesAreReadFromEveryKnownShape(int status, String body, String expectedCode) {
        server.stubFor(post(urlEqualTo("/track")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", body.startsWith("{") ? "application/json" : "text/plain").withBody(body)));
        altertable.track("E", "user-1");

        FlushResult result = altertable.flush();

        assertThat(result.rejectedCount()).isEqualTo(1);
        DeliveryFailure failure = result.failures().get(0);
        assertThat(failure.statusCode()).isEqualTo(status);
        assertThat(failure.errorCode().orElse(null)).isEqualTo(expectedCode);
        if ("environment-not-found".equals(expectedCode)) {
            assertThat(failure.message()).contains("environments/new?name=staging");
        }
        server.verify(1, postRequestedFor(urlEqualTo("/track")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "200|{\"ok\":true,\"task_id\":\"t_1\",\"error_code\":null}",
            "200|{\"success\":true}",
            "202|",
            "200|not json at all",
            "204|"
    })
    void any2xxIsSuccess(int status, String body) {
        server.stubFor(post(urlEqualTo("/identify")).willReturn(aResponse().withStatus(status)
                .withBody(body == null ? "" : body)));
        altertable.identify("user-1");
        assertThat(altertable.flush().isSuccess()).isTrue();
    }

    @Test
    void retryAfterOnA503IsHonoured() {
        server.stubFor(post(urlEqualTo("/track")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")).willSetStateTo("up"));
        server.stubFor(post(urlEqualTo("/track")).inScenario("s").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        altertable.track("E", "user-1");
        assertThat(altertable.flush().isSuccess()).isTrue();
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void a413SplitsTheBatchInsteadOfDroppingIt() throws IOException {
        server.stubFor(post(urlEqualTo("/track")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(413)).willSetStateTo("smaller"));
        server.stubFor(post(urlEqualTo("/track")).inScenario("s").whenScenarioStateIs("smaller")
                .willReturn(aResponse().withStatus(200)));
        for (int i = 0; i < 4; i++) {
            altertable.track("E" + i, "user-1");
        }
        FlushResult result = altertable.flush();
        assertThat(result.deliveredCount()).isEqualTo(4);
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest r : server.findAll(postRequestedFor(urlEqualTo("/track")))) {
            JsonNode body = TallyJson.mapper().readTree(r.getBodyAsString());
            sizes.add(body.size());
        }
        assertThat(sizes).containsExactly(4, 2, 2);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void rawRequestsCarryTheKeyAreRetriedAndReadAltertablesErrorCodes() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/lookup")).inScenario("raw")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/lookup")).inScenario("raw")
                .whenScenarioStateIs("up").willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true}")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/refused"))
                .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"environment-not-found\"}")));

        assertThat(altertable.raw().get("/v1/lookup").execute().path("ok").asBoolean()).isTrue();
        assertThat(server
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/v1/lookup"))))
                .hasSize(2).allSatisfy(r -> assertThat(r.getHeader("X-API-Key")).isEqualTo("pk_test_wiremock"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> altertable.raw().get("/v1/refused").execute())
                .isInstanceOfSatisfying(io.tally.core.UnprocessableEntityException.class,
                        e -> assertThat(e.errorCode()).contains("environment-not-found"));
    }
}
