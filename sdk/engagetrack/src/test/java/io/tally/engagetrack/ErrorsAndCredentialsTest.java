package io.tally.engagetrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tally.core.AuthenticationException;
import io.tally.core.CredentialsRequiredException;
import io.tally.core.PaymentRequiredException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.RawResponse;
import io.tally.core.RetryPolicy;
import io.tally.engagetrack.model.AnalyticsReport;
import io.tally.engagetrack.model.ApiKeyInput;
import io.tally.engagetrack.model.SiteInput;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EngageTrack's errors, rate-limit waits and per-route credentials, against WireMock. */
class ErrorsAndCredentialsTest {
    static final String KEY = "et_live_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    ManualClock clock;
    RecordingSleeper sleeper;

    @BeforeEach
    void reset() {
        wm.resetAll();
        clock = ManualClock.at(NOW);
        sleeper = RecordingSleeper.advancing(clock);
    }

    EngageTrack client(RetryPolicy policy) {
        return EngageTrack.builder().baseUrl(wm.baseUrl()).apiKey(KEY).organizationId("org-1").retryPolicy(policy)
                .clock(clock).sleeper(sleeper).build();
    }

    void answer(int status, String body) {
        wm.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void missingScopeIsNamedWithAHint() {
        answer(403, "{\"error\":\"API key missing required scope: visitors:read\"}");
        assertThatThrownBy(() -> client(RetryPolicy.none()).visitors().list("s-1").execute())
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.missingScope()).hasValue("visitors:read");
                    assertThat(e.reason()).isEqualTo(PermissionDeniedException.Reason.MISSING_SCOPE);
                    assertThat(e.getMessage()).contains("create a key that includes visitors:read").doesNotContain(KEY);
                });
    }

    @Test
    void paymentRequiredCarriesThePlanSentence() {
        answer(402, "{\"error\":\"API key access requires a Startup plan or higher\"}");
        assertThatThrownBy(() -> client(RetryPolicy.none()).analytics().stats("s-1").execute())
                .isInstanceOfSatisfying(PaymentRequiredException.class, e -> {
                    assertThat(e.serverMessage()).hasValue("API key access requires a Startup plan or higher");
                    assertThat(e.statusCode()).isEqualTo(402);
                });
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("402 is not retried").hasSize(1);
    }

    @Test
    void unauthorizedIsAnAuthenticationFailureAndNotRetried() {
        answer(401, "{\"error\":\"Invalid or expired API key\"}");
        assertThatThrownBy(() -> client(RetryPolicy.defaults()).sites().list().execute())
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Invalid or expired API key");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void a429IsRetriedAtTheUnixTimeOfXRateLimitReset() {
        long reset = NOW.getEpochSecond() + 42;
        wm.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "600").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset))
                        .withBody("{\"error\":\"Rate limit exceeded. Retry after 2026-03-14T12:00:42Z\"}"))
                .willSetStateTo("open"));
        wm.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "600").withHeader("X-RateLimit-Remaining", "599")
                        .withBody("{\"success\":true,\"data\":{\"visitors\":3}}")));

        RawResponse<AnalyticsReport> raw = client(RetryPolicy.defaults()).analytics().stats("s-1").executeRaw();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(42));
        assertThat(clock.instant()).isEqualTo(Instant.ofEpochSecond(reset));
        assertThat(raw.value().number("visitors")).hasValue(3);
        assertThat(raw.headers().first("X-RateLimit-Remaining")).hasValue("599");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void a429WithoutTheHeaderWaitsUntilTheBodysRetryTime() {
        wm.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Rate limit exceeded. Retry after 2026-03-14T12:01:00Z\"}"))
                .willSetStateTo("open"));
        wm.stubFor(any(anyUrl()).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":{}}")));

        client(RetryPolicy.defaults()).analytics().pages("s-1").execute();

        assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void exhaustedRetriesSurfaceTheRetryTime() {
        answer(429, "{\"error\":\"Rate limit exceeded. Retry after 2026-03-14T12:01:00Z\"}");
        assertThatThrownBy(() -> client(RetryPolicy.none()).analytics().pages("s-1").execute())
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(1)));
    }

    @Test
    void sessionOnlyRoutesRefuseAnApiKeyBeforeSending() {
        EngageTrack keyClient = client(RetryPolicy.none());
        assertThatThrownBy(() -> keyClient.apiKeys().create(ApiKeyInput.of("Sync", Scope.ANALYTICS_READ)).execute())
                .isInstanceOf(CredentialsRequiredException.class)
                .hasMessageContaining("POST /organizations/{orgId}/api-keys")
                .hasMessageContaining("sessionToken(...)")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> keyClient.apiKeys().list().execute()).isInstanceOf(CredentialsRequiredException.class);
        assertThatThrownBy(() -> keyClient.apiKeys().revoke("k-1").execute())
                .isInstanceOf(CredentialsRequiredException.class);
        assertThatThrownBy(() -> keyClient.sites().create(SiteInput.of("example.com")).execute())
                .isInstanceOf(CredentialsRequiredException.class);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void routesUnderAnOrganisationNeedItsIdBeforeSending() {
        EngageTrack noOrg = EngageTrack.builder().baseUrl(wm.baseUrl()).apiKey(KEY).build();
        assertThatThrownBy(() -> noOrg.sites().list())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENGAGETRACK_ORG_ID");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        EngageTrack c = client(RetryPolicy.none());
        assertThatThrownBy(() -> c.visitors().list("s").limit(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be between 1 and 100");
        assertThatThrownBy(() -> c.analytics().stats("s").rawFilters("{\"not\":\"an array\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rawFilters must be a JSON array");
        assertThatThrownBy(() -> Period.of("week")).hasMessageContaining("period must be one of");
        assertThatThrownBy(() -> Scope.of("analytics")).hasMessageContaining("resource:action");
        assertThatThrownBy(() -> EngageTrack.builder().apiKey(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
        assertThatThrownBy(() -> io.tally.engagetrack.model.TrackedEvent.builder("site-uuid-1", "https://x.example"))
                .hasMessageContaining("pk_");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void credentialsNeverShowInToString() {
        EngageTrack c = client(RetryPolicy.none());
        assertThat(c.toString()).doesNotContain(KEY).contains("org-1");
        assertThat(c.withSessionToken("eyJ.secret.sig").toString()).doesNotContain("eyJ.secret.sig");
    }
}
