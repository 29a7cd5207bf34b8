package io.tally.alke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tally.core.ApiException;
import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.CredentialsRequiredException;
import io.tally.core.Environment;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.RetryPolicy;
import io.tally.core.ServerException;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.alke.AlkeDemo;
import io.tally.testkit.alke.FakeAlke;
import io.tally.testkit.alke.FakeAlkeExtension;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against FakeAlke: tokens, rotation, expiry, every error path, retries. */
class AlkeClientTest {
    @RegisterExtension
    static final FakeAlkeExtension ALKE = new FakeAlkeExtension();

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private final ManualClock clock = ManualClock.at(NOW);
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> warnings = new ArrayList<>();

    private Alke.Builder builder(FakeAlke fake) {
        return Alke.builder().baseUrl(fake.baseUrl()).clock(clock).sleeper(sleeper).warnings(warnings::add)
                .retryPolicy(
                        RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofSeconds(1)).jitter(0).build());
    }

    private static AlkeReportRequest report(java.util.UUID property, String... metrics) {
        return AlkeReportRequest.builder().propertyId(property)
                .dateFrom(LocalDate.of(2026, 3, 1)).dateTo(LocalDate.of(2026, 3, 7))
                .metrics(metrics.length == 0 ? new String[] {AlkeMetrics.PAGEVIEWS} : metrics)
                .build();
    }

    @Test
    void aTokenAllowedOnSomePropertiesOnlyGets403OnTheOthers(FakeAlke fake) {
        Alke alke = builder(fake).serviceAccountToken(AlkeDemo.SHOP_ONLY_TOKEN).build();
        assertThat(alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID)).rows()).isNotNull();

        PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
                () -> alke.reports().run(report(AlkeDemo.BLOG_PROPERTY_ID)));
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.getMessage()).contains("property-level permissions");
        assertThat(e.body()).contains("no access to property " + AlkeDemo.BLOG_PROPERTY_ID);
        assertThat(e.headers().first("content-type")).contains("application/json");
    }

    @Test
    void a401AfterTheTokensExpSaysItExpiredAndHowToRegenerateIt(FakeAlke fake) {
        Alke alke = builder(fake).serviceAccountToken(AlkeDemo.EXPIRED_TOKEN).build();
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID)));
        assertThat(e.getMessage())
                .contains("The token expired at 2025-01-01T00:00:00Z")
                .contains("Service Accounts → Renew token")
                .doesNotContain(AlkeDemo.EXPIRED_TOKEN);
        assertThat(e.serverMessage()).contains("Token expired");

        Alke personal = builder(fake).personalToken(AlkeDemo.EXPIRED_TOKEN).build();
        assertThatThrownBy(() -> personal.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID)))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Profile → API Token → Regenerate token");
    }

    @Test
    void a401BeforeExpSaysTheTokenWasRefusedNotThatItExpired(FakeAlke fake) {
        String regenerated = AlkeTestTokens.expiringAt("svc-old", NOW.plus(Duration.ofDays(200)));
        Alke alke = builder(fake).serviceAccountToken(regenerated).build();
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                () -> alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID)));
        assertThat(e.getMessage()).contains("was regenerated").doesNotContain("expired at");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRotatedTokenIsUsedWithoutANewClient(FakeAlke fake) {
        AtomicReference<AlkeToken> current = new AtomicReference<>(AlkeToken.serviceAccount(AlkeDemo.SHOP_ONLY_TOKEN));
        Alke alke = builder(fake).tokenSupplier(current::get).build();
        assertThatThrownBy(() -> alke.reports().run(report(AlkeDemo.BLOG_PROPERTY_ID)))
                .isInstanceOf(PermissionDeniedException.class);

        current.set(AlkeToken.serviceAccount(AlkeDemo.TOKEN));
        alke.reports().run(report(AlkeDemo.BLOG_PROPERTY_ID));
        assertThat(fake.server().lastRequest().header("Authorization")).isEqualTo("Bearer " + AlkeDemo.TOKEN);
        assertThat(fake.server().lastRequest().status()).isEqualTo(200);
    }

    @Test
    void aTokenWithin30DaysOfExpIsWarnedAboutOnceWithoutShowingIt() {
        String soon = AlkeTestTokens.expiringAt("svc-soon", NOW.plus(Duration.ofDays(12)));
        try (FakeAlke fake = FakeAlke.builder().token(soon).start()) {
            Alke alke = builder(fake).serviceAccountToken(soon).build();
            alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID));
            alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID));
            alke.reports().run(report(AlkeDemo.BLOG_PROPERTY_ID));

            assertThat(warnings).containsExactly("The Alke service-account token expires at "
                    + NOW.plus(Duration.ofDays(12)) + " (in 12 days); regenerate it as an organisation owner: "
                    + "dashboard sidebar → key icon → Service Accounts → Renew token, then give the client the new "
                    + "token (a token supplier picks it up without a new client).");
        }
    }

    @Test
    void aTokenFurtherThan30DaysFromExpIsNotWarnedAbout() {
        String later = AlkeTestTokens.expiringAt("svc-later", NOW.plus(Duration.ofDays(31)));
        try (FakeAlke fake = FakeAlke.builder().token(later).start()) {
            builder(fake).serviceAccountToken(later).build().reports().run(report(AlkeDemo.SHOP_PROPERTY_ID));
            assertThat(warnings).isEmpty();
            assertThat(fake.server().requestCount()).isEqualTo(1);
        }
    }

    @Test
    void withoutATokenTheReportFailsBeforeSending(FakeAlke fake) {
        Alke alke = builder(fake).build();
        assertThatThrownBy(() -> alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID)))
                .isInstanceOf(CredentialsRequiredException.class)
                .hasMessageContaining("serviceAccountToken(...)");
        assertThat(fake.server().requestCount()).isZero();
    }

    @Test
    void anUnknownPropertyIs404AndAnUnknownMetric400WithTheRawBodyKept(FakeAlke fake) {
        Alke alke = builder(fake).serviceAccountToken(AlkeDemo.TOKEN).build();
        NotFoundException notFound = catchThrowableOfType(NotFoundException.class,
                () -> alke.reports().run(report(java.util.UUID.fromString("00000000-0000-4000-8000-000000000000"))));
        assertThat(notFound.body()).contains("\"statusCode\":404");

        BadRequestException bad = catchThrowableOfType(BadRequestException.class,
                () -> alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID, "revenue")));
        assertThat(bad.serverMessage().orElse("")).startsWith("Unknown metric 'revenue'");
        assertThat(fake.server().requestCount()).as("client errors are not retried").isEqualTo(2);
    }

    @Test
    void rateLimitIsRetriedAfterRetryAfterAndTheReportRetriedAfter5xxAsARead(FakeAlke fake) {
        Alke alke = builder(fake).serviceAccountToken(AlkeDemo.TOKEN).build();
        fake.rateLimitNext(Duration.ofSeconds(7));
        fake.failNext(Fault.status(503, ErrorBody.json("{\"message\":\"maintenance\"}")));
        fake.failNext(Fault.dropConnection());

        AlkeReport report = alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID));

        assertThat(report.rowsRecognised()).isTrue();
        assertThat(fake.server().requestCount()).isEqualTo(4);
        // 429: the server's Retry-After; 503: the policy's second backoff; the connection dropped on a kept-alive
        // connection is resent at once on a fresh one (core's stale-connection rule), without a wait
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isNull());
    }

    @Test
    void retriesStopAtTheLimitAndA429SurfacesWithItsHint(FakeAlke fake) {
        Alke alke = builder(fake).serviceAccountToken(AlkeDemo.TOKEN).maxRetries(0).build();
        fake.rateLimitNext(Duration.ofSeconds(3));
        RateLimitException e = catchThrowableOfType(RateLimitException.class,
                () -> alke.reports().run(report(AlkeDemo.SHOP_PROPERTY_ID)));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));

        fake.failNext(Fault.serverError());
        ApiException server = catchThrowableOfType(ServerException.class,
                () -> alke.reports().request(report(AlkeDemo.SHOP_PROPERTY_ID)).execute());
        assertThat(server.statusCode()).isGreaterThanOrEqualTo(500);
    }

    @Test
    void fromEnvReadsTheTokenKindAndRefusesAMangledToken() {
        Alke alke = Alke
                .fromEnv(Environment.of(Map.of("ALKE_API_TOKEN", AlkeDemo.TOKEN, "ALKE_TOKEN_KIND", "personal")));
        assertThat(alke.options().baseUrl().toString()).isEqualTo(Alke.DEFAULT_BASE_URL + "/");
        assertThat(alke.toString()).doesNotContain(AlkeDemo.TOKEN);

        String cut = AlkeDemo.TOKEN.substring(0, AlkeDemo.TOKEN.lastIndexOf('.'));
        assertThatThrownBy(() -> Alke.fromEnv(Environment.of(Map.of("ALKE_API_TOKEN", cut))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "environment variable ALKE_API_TOKEN is invalid: serviceAccountToken is not a JWT")
                .hasMessageNotContaining(cut);
        assertThatThrownBy(() -> Alke.fromEnv(Environment.of(Map.of("ALKE_TOKEN_KIND", "robot"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ALKE_TOKEN_KIND");
    }
}
