package io.tally.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tally.core.spi.ErrorContext;
import io.tally.core.spi.ErrorDecoder;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.spi.ResponseEnvelope;
import io.tally.core.spi.RetryHints;
import io.tally.core.spi.RouteCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hooks the next providers need: routes safe to retry although POST, a retry time in the
 * error body, business-code envelopes and exceptions, and per-route credential rules.
 */
class ProviderHooksTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/reports";

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private static void stubFailingOnceThen(int firstStatus, String firstBody, String thenBody) {
        wm.stubFor(any(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(firstStatus).withHeader("Content-Type", "application/json")
                        .withBody(firstBody))
                .willSetStateTo("second"));
        wm.stubFor(any(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("second")
                .willReturn(
                        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(thenBody)));
    }

    // ---- safe to retry ---------------------------------------------------------------------------

    @Test
    void aPostMarkedSafeToRetryIsRetriedAfter503WithoutAnIdempotencyKey() {
        stubFailingOnceThen(503, "{}", "{\"rows\":[]}");

        String body = TestRequest.text(harness.context(wm.baseUrl()), "POST", PATH).markSafeToRetry().execute();

        assertThat(body).isEqualTo("{\"rows\":[]}");
        wm.verify(2, postRequestedFor(urlEqualTo(PATH)).withHeader("Idempotency-Key", absent()));
    }

    @Test
    void anUnmarkedPostIsNotRetriedAfter503() {
        stubFailingOnceThen(503, "{}", "{\"rows\":[]}");

        assertThatThrownBy(() -> TestRequest.text(harness.context(wm.baseUrl()), "POST", PATH).execute())
                .isInstanceOf(ServerException.class);
        wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    // ---- retry time from the body ----------------------------------------------------------------

    @Test
    void aRetryTimeInTheErrorBodyIsWaitedForLikeRetryAfter() {
        ProviderInfo engageTrack = ProviderInfo.builder("EngageTrack")
                .errorDecoder(ErrorDecoder.standard().withRetryTimeFromMessage()).build();
        stubFailingOnceThen(429, "{\"error\":\"Rate limit exceeded. Retry after 2026-03-10T12:00:42Z\"}", "{\"ok\":1}");

        String body = TestRequest.text(harness.context(engageTrack, harness.options(wm.baseUrl())), "GET", PATH)
                .execute();

        assertThat(body).isEqualTo("{\"ok\":1}");
        assertThat(harness.sleeper.waits()).containsExactly(Duration.ofSeconds(42)); // Harness.NOW is 12:00:00
    }

    @Test
    void aRetryTimeInTheBodyBeyondTheLongestWaitSurfacesAsRateLimitException() {
        ProviderInfo engageTrack = ProviderInfo.builder("EngageTrack")
                .errorDecoder(ErrorDecoder.standard().withRetryTimeFromMessage()).build();
        stubFailingOnceThen(429, "{\"error\":\"Rate limit exceeded. Retry after 2026-03-10T13:00:00Z\"}", "{}");

        assertThatThrownBy(
                () -> TestRequest.text(harness.context(engageTrack, harness.options(wm.baseUrl())), "GET", PATH)
                        .execute())
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void instantInFindsTheFirstRfc3339InstantOfAMessage() {
        assertThat(RetryHints.instantIn("Rate limit exceeded. Retry after 2026-03-14T12:01:00Z"))
                .isEqualTo(Instant.parse("2026-03-14T12:01:00Z"));
        assertThat(RetryHints.instantIn("retry after 2026-03-14T14:01:00.5+02:00, thanks"))
                .isEqualTo(Instant.parse("2026-03-14T12:01:00.500Z"));
        assertThat(RetryHints.instantIn("Rate limit exceeded")).isNull();
        assertThat(RetryHints.instantIn(null)).isNull();
    }

    // ---- envelopes and business codes ------------------------------------------------------------

    /** What Alephant would register: 40020 is a 400 with a type of its own. */
    static final class ConflictingScopesException extends BadRequestException {
        private static final long serialVersionUID = 1L;

        ConflictingScopesException(ErrorContext context) {
            super(context);
        }
    }

    private static ProviderInfo alephantLike() {
        return ProviderInfo.builder("Alephant")
                .envelope(ResponseEnvelope.codeMessageData(Map.of(40020, 400, 40010, 400)))
                .errorDecoder(ErrorDecoder.codeMessageData())
                .exceptionForCode("40020", ConflictingScopesException::new)
                .build();
    }

    @Test
    void codeMessageDataUnwrapsDataAndKeepsBareBodies() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"code\":0,\"message\":\"ok\",\"data\":{\"requests\":7}}")));
        wm.stubFor(any(urlEqualTo("/health")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"up\"}")));

        JsonNode wrapped = TestRequest.json(harness.context(alephantLike(), harness.options(wm.baseUrl())), "GET", PATH)
                .execute();
        JsonNode bare = TestRequest
                .json(harness.context(alephantLike(), harness.options(wm.baseUrl())), "GET", "/health")
                .execute();

        assertThat(wrapped.path("requests").asInt()).isEqualTo(7);
        assertThat(bare.path("status").asText()).isEqualTo("up");
    }

    @Test
    void aBusinessCodeBecomesItsRegisteredExceptionWithErrorCodeOnAnErrorStatusAndIn2xx() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"code\":40020,\"message\":\"only one of agentId, memberId, departmentId\",\"data\":null}")));
        wm.stubFor(any(urlEqualTo("/in-2xx"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":40010,\"message\":\"granularity=hour cannot go with latency\"}")));

        assertThatThrownBy(
                () -> TestRequest.json(harness.context(alephantLike(), harness.options(wm.baseUrl())), "GET", PATH)
                        .execute())
                .isInstanceOfSatisfying(ConflictingScopesException.class, e -> {
                    assertThat(e.errorCode()).contains("40020");
                    assertThat(e.serverMessage()).contains("only one of agentId, memberId, departmentId");
                });
        assertThatThrownBy(() -> TestRequest.json(harness.context(alephantLike(), harness.options(wm.baseUrl())), "GET",
                "/in-2xx").execute())
                .isExactlyInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((ApiException) e).errorCode()).contains("40010"));
    }

    @Test
    void successDataUnwrapsAndTheErrorFieldIsTheMessage() {
        ProviderInfo engageTrack = ProviderInfo.builder("EngageTrack").envelope(ResponseEnvelope.successData()).build();
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"data\":[1,2]}")));
        wm.stubFor(any(urlEqualTo("/denied"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"API key missing required scope: analytics:read\"}")));

        JsonNode data = TestRequest.json(harness.context(engageTrack, harness.options(wm.baseUrl())), "GET", PATH)
                .execute();

        assertThat(data.size()).isEqualTo(2);
        assertThatThrownBy(() -> TestRequest.json(harness.context(engageTrack, harness.options(wm.baseUrl())), "GET",
                "/denied").execute())
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.serverMessage()).contains("API key missing required scope: analytics:read"));
    }

    // ---- route credentials -----------------------------------------------------------------------

    private static final RouteCredentials TOKEN_AND_WORKSPACE = RouteCredentials
            .anyOf("a personal access token", "build the client with apiToken(...)", Credentials.Kind.BEARER)
            .requireHeader("X-Workspace-Id", "the workspace id; set workspaceId(...) on the client");

    @Test
    void aRouteThatNeedsATokenAndAWorkspaceHeaderFailsBeforeSendingNamingWhatIsMissing() {
        ClientOptions.Builder sessionOnly = harness.options(wm.baseUrl())
                .credentials(Credentials.sessionCookie("s", "cookie-1"));
        ClientOptions.Builder tokenOnly = harness.options(wm.baseUrl());

        assertThatThrownBy(() -> TestRequest.text(harness.context(Harness.PROVIDER, sessionOnly), "GET", PATH)
                .rule(TOKEN_AND_WORKSPACE).execute())
                .isInstanceOf(CredentialsRequiredException.class)
                .hasMessage(
                        "Testy GET /api/reports accepts a personal access token; build the client with apiToken(...)");
        assertThatThrownBy(() -> TestRequest.text(harness.context(Harness.PROVIDER, tokenOnly), "GET", PATH)
                .rule(TOKEN_AND_WORKSPACE).execute())
                .isInstanceOf(CredentialsRequiredException.class)
                .hasMessageContaining(
                        "needs the X-Workspace-Id header (the workspace id; set workspaceId(...) on the client)");
        assertThat(harness.attempts.get()).isZero();
    }

    @Test
    void theWorkspaceHeaderMayComeFromTheCredentialsAndOtherKindsAreNotSent() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withBody("ok")));
        Credentials both = Credentials.bearer("pat_123456")
                .and(Credentials.sessionCookie("alephant_token", "jwt-123456"))
                .withHeader("X-Workspace-Id", "ws-1");

        TestRequest
                .text(harness.context(Harness.PROVIDER, harness.options(wm.baseUrl()).credentials(both)), "GET", PATH)
                .rule(TOKEN_AND_WORKSPACE).execute();

        wm.verify(anyRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer pat_123456"))
                .withHeader("X-Workspace-Id", equalTo("ws-1")).withHeader("Cookie", absent()));
    }

    @Test
    void aPublicRouteSendsNoCredentials() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withBody("ok")));

        TestRequest.text(harness.context(wm.baseUrl()), "GET", PATH).rule(RouteCredentials.none()).execute();

        wm.verify(anyRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent()));
    }
}
