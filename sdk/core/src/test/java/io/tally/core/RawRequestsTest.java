package io.tally.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.spi.ResponseEnvelope;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The raw escape hatch: same auth, retries, error mapping, envelope and redaction as modelled routes. */
class RawRequestsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private RawRequests raw() {
        return new RawRequests(harness.context(wm.baseUrl()));
    }

    @Test
    void getFillsThePathSendsTheCredentialsAndReturnsTheJsonTree() {
        wm.stubFor(any(urlPathEqualTo("/api/sites/a%20b/report")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "req-1")
                .withBody("{\"rows\":[1,2]}")));

        RawResponse<JsonNode> response = raw().get("/api/sites/{id}/report", "a b").queryParam("from", "2026-03-01")
                .executeRaw();

        assertThat(response.value().path("rows").size()).isEqualTo(2);
        assertThat(response.requestId()).contains("req-1");
        wm.verify(
                anyRequestedFor(urlPathEqualTo("/api/sites/a%20b/report")).withQueryParam("from", equalTo("2026-03-01"))
                        .withHeader("Authorization", equalTo("Bearer test-token")));
    }

    @Test
    void failuresMapToTheSameExceptionsWithSecretsScrubbed() {
        wm.stubFor(
                any(urlEqualTo("/api/x")).willReturn(aResponse().withStatus(404).withBody("no route for test-token")));

        assertThatThrownBy(() -> raw().get("/api/x").execute())
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.body()).doesNotContain("test-token");
                    assertThat(e.getMessage()).doesNotContain("test-token").contains("GET /api/x");
                });
    }

    @Test
    void aGetIsRetriedByTheClientsPolicyAndARetryablePostToo() {
        for (String path : new String[] {"/get", "/post"}) {
            wm.stubFor(any(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
            wm.stubFor(any(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
        }

        assertThat(raw().get("/get").execute().path("ok").asBoolean()).isTrue();
        assertThat(raw().post("/post").body(Map.of("q", 1)).retryable().execute().path("ok").asBoolean()).isTrue();
        wm.verify(2, postRequestedFor(urlEqualTo("/post")).withRequestBody(equalToJson("{\"q\":1}"))
                .withHeader("Idempotency-Key", absent()));
    }

    @Test
    void theProvidersEnvelopeIsUnwrappedAndAPublicRouteSendsNoCredentials() {
        ProviderInfo enveloped = ProviderInfo.builder("EngageTrack").envelope(ResponseEnvelope.successData()).build();
        wm.stubFor(any(urlEqualTo("/api/v1/x")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"data\":{\"n\":3}}")));

        JsonNode data = new RawRequests(harness.context(enveloped, harness.options(wm.baseUrl()))).get("/api/v1/x")
                .withoutCredentials().execute();

        assertThat(data.path("n").asInt()).isEqualTo(3);
        wm.verify(anyRequestedFor(urlEqualTo("/api/v1/x")).withHeader("Authorization", absent()));
    }

    @Test
    void aPathThatIsNotAbsoluteOrABlankMethodIsRefused() {
        assertThatThrownBy(() -> raw().get("api/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
        assertThatThrownBy(() -> raw().request(" ", "/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method");
    }
}
