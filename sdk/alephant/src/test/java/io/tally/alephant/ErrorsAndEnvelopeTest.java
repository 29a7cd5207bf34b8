package io.tally.alephant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tally.alephant.model.CockpitUsageSummary;
import io.tally.alephant.model.Money;
import io.tally.core.ApiException;
import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.ConflictException;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.ServerException;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {code,message,data} envelope, business codes and typed HTTP errors, against WireMock and the fake. */
class ErrorsAndEnvelopeTest {
    private WireMockServer wm;
    private Alephant pat;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
        pat = Alephant.builder().baseUrl(wm.baseUrl()).analyticsBaseUrl(wm.baseUrl()).maxRetries(0)
                .pat("pat_wsa3f8c2_errors").workspaceId(AlephantDemo.WORKSPACE_ID).build();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private void answer(int status, String body) {
        wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/usage")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private ApiException failure() {
        return catchThrowableOfType(() -> pat.analytics().usage().execute(), ApiException.class);
    }

    @Test
    void businessCode40020IsABadRequestWithItsCodeAlsoUnderHttp200() {
        answer(200, "{\"code\":40020,\"message\":\"Only one of agentId, memberId, departmentId\",\"data\":null}");
        ApiException e = failure();
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.errorCode()).contains(Alephant.CODE_CONFLICTING_SCOPE);
        assertThat(e.serverMessage()).contains("Only one of agentId, memberId, departmentId");
    }

    @Test
    void businessCode40010UnderHttp400IsABadRequestWithItsCode() {
        answer(400, "{\"code\":40010,\"message\":\"granularity=hour not supported\",\"data\":null}");
        ApiException e = failure();
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.errorCode()).contains(Alephant.CODE_HOURLY_METRIC);
    }

    @Test
    void statusesAreTyped() {
        answer(401, "{\"code\":401,\"message\":\"Token has expired\"}");
        assertThat(failure()).isInstanceOf(AuthenticationException.class);
        answer(404, "{\"code\":404,\"message\":\"Not found\"}");
        assertThat(failure()).isInstanceOf(NotFoundException.class);
        answer(409, "{\"code\":409,\"message\":\"Conflict\"}");
        assertThat(failure()).isInstanceOf(ConflictException.class);
        answer(502, "{\"code\":502,\"message\":\"Bad gateway\"}");
        assertThat(failure()).isInstanceOf(ServerException.class);
    }

    @Test
    void aForbiddenPatNamesTheRequiredScope() {
        answer(403, "{\"code\":403,\"message\":\"Insufficient permissions. Required scope: admin\"}");
        PermissionDeniedException e = (PermissionDeniedException) failure();
        assertThat(e.missingScope()).contains("admin");
        assertThat(e.reason()).isEqualTo(PermissionDeniedException.Reason.MISSING_SCOPE);
    }

    @Test
    void rateLimitReportsRetryAfterOrTheSixtySecondDefault() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/usage"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"code\":429,\"message\":\"slow down\"}")));
        RateLimitException told = (RateLimitException) failure();
        assertThat(Alephant.retryDelay(told)).isEqualTo(Duration.ofSeconds(7));
        answer(429, "{\"code\":429,\"message\":\"slow down\"}");
        RateLimitException untold = (RateLimitException) failure();
        assertThat(untold.retryAfter()).isEmpty();
        assertThat(Alephant.retryDelay(untold)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theFakeAnswersTheBusinessCodesAsTheServerWould() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant client = Alephant.builder().baseUrl(fake.baseUrl()).analyticsBaseUrl(fake.baseUrl()).maxRetries(0)
                    .pat(AlephantDemo.READ_PAT).workspaceId(AlephantDemo.WORKSPACE_ID).build();
            // sent through raw(), bypassing the SDK's own check, to show what the server does
            ApiException e = catchThrowableOfType(
                    () -> client.raw().get("/api/v1/analytics/usage").queryParam("agentId", "a")
                            .queryParam("memberId", "m").header("X-Workspace-Id", AlephantDemo.WORKSPACE_ID).execute(),
                    ApiException.class);
            assertThat(e).isInstanceOf(BadRequestException.class);
            assertThat(e.errorCode()).contains("40020");
            PermissionDeniedException denied = catchThrowableOfType(
                    () -> client.billing().putBudgetPolicy(Money.ofCents(100), ExceededAction.PAUSE, "monthly",
                            Billing.DEFAULT_THRESHOLDS, "USD").execute(),
                    PermissionDeniedException.class);
            assertThat(denied.missingScope()).contains("admin");
        }
    }

    @Test
    void cockpitResultsTellZeroFromUnknown() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant unbound = Alephant.builder().baseUrl(fake.baseUrl()).maxRetries(0)
                    .virtualKey(AlephantDemo.UNBOUND_VK).build();
            assertThat(unbound.cockpit().scope().execute().isBound()).isFalse();
            CockpitUsageSummary s = unbound.cockpit().usageSummary().execute();
            assertThat(s.totalCost().isZero()).isTrue();
            assertThat(s.dataSource()).contains("none");
            assertThat(unbound.cockpit().recentRequests().execute().degraded()).isTrue();
            Alephant bound = Alephant.builder().baseUrl(fake.baseUrl()).maxRetries(0).virtualKey(AlephantDemo.AGENT_VK)
                    .build();
            assertThat(bound.cockpit().usageSummary().period(CockpitPeriod.LAST_30_DAYS).execute().totalCost().isZero())
                    .isFalse();
        }
    }

    @Test
    void budgetPolicyIsRetriedOnceAfterReReadingOn409() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant admin = Alephant.builder().baseUrl(fake.baseUrl()).maxRetries(0)
                    .pat(AlephantDemo.ADMIN_PAT).workspaceId(AlephantDemo.WORKSPACE_ID).build();
            fake.conflictNextPolicyUpdates(1);
            assertThat(admin.billing().setBudget(Money.ofCents(123456), ExceededAction.PAUSE).amount())
                    .isEqualTo(Money.ofDollars("1234.56"));
            long gets = fake.requests().stream().filter(r -> r.method().equals("GET")).count();
            long puts = fake.requests().stream().filter(r -> r.method().equals("PUT")).count();
            assertThat(gets).isEqualTo(2);
            assertThat(puts).isEqualTo(2);
            assertThat(fake.budgetPolicy().path("thresholds").size()).isEqualTo(4);

            fake.conflictNextPolicyUpdates(2);
            assertThat(catchThrowableOfType(() -> admin.billing().setBudget(Money.ofCents(1), ExceededAction.PAUSE),
                    ConflictException.class))
                    .isNotNull();
        }
    }

    @Test
    void usageSeriesFromTheFakeAddUp() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant admin = Alephant.builder().baseUrl(fake.baseUrl()).maxRetries(0)
                    .pat(AlephantDemo.READ_PAT).workspaceId(AlephantDemo.WORKSPACE_ID).build();
            LocalDate today = LocalDate.now(java.time.Clock.systemUTC());
            Money all = admin.analytics().usage().dates(today.minusDays(6), today).execute().totalCost();
            Money one = admin.analytics().usage().dates(today.minusDays(6), today).agentId(AlephantDemo.AGENT_SUPPORT)
                    .execute().totalCost();
            assertThat(one.compareTo(all)).isNegative();
            assertThat(one.isZero()).isFalse();
        }
    }
}
