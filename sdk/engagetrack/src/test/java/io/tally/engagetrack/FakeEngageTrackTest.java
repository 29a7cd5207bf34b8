package io.tally.engagetrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.PaymentRequiredException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.RawResponse;
import io.tally.core.RetryPolicy;
import io.tally.engagetrack.model.AnalyticsReport;
import io.tally.engagetrack.model.ApiKeyInput;
import io.tally.engagetrack.model.ChannelReport;
import io.tally.engagetrack.model.CreatedApiKey;
import io.tally.engagetrack.model.FunnelAnalysis;
import io.tally.engagetrack.model.Site;
import io.tally.engagetrack.model.TrackedEvent;
import io.tally.engagetrack.model.Visitor;
import io.tally.engagetrack.model.VisitorPage;
import io.tally.engagetrack.model.VisitorTimeline;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.engagetrack.EngageTrackDemo;
import io.tally.testkit.engagetrack.FakeEngageTrack;
import io.tally.testkit.server.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK against {@link FakeEngageTrack}: demo data, scopes, plans, session-only routes, rate limit, ingestion. */
class FakeEngageTrackTest {
    static final Instant NOW = Instant.parse("2026-03-14T12:00:30Z");
    final ManualClock clock = ManualClock.at(NOW);
    final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
    FakeEngageTrack fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    EngageTrack client(FakeEngageTrack f, String key) {
        return EngageTrack.builder().baseUrl(f.baseUrl()).apiKey(key).organizationId(EngageTrackDemo.ORG_ID)
                .clock(clock).sleeper(sleeper).build();
    }

    @Test
    void demoOrganisationHasTwoSitesAMonthOfDataAndTwoHundredVisitors() {
        fake = FakeEngageTrack.builder().clock(clock).start();
        EngageTrack et = client(fake, EngageTrackDemo.API_KEY);
        List<Site> sites = et.sites().list().execute();
        assertThat(sites).extracting(Site::publicId).containsExactly(EngageTrackDemo.SHOP_PUBLIC_ID,
                EngageTrackDemo.BLOG_PUBLIC_ID);

        ChannelReport channels = et.analytics().channels(EngageTrackDemo.SHOP_SITE_ID).period(Period.THIRTY_DAYS)
                .execute();
        assertThat(channels.currency()).isEqualTo("USD");
        assertThat(channels.channels()).isNotEmpty();
        assertThat(channels.channels().stream().mapToDouble(c -> c.totalRevenue()).sum()).isPositive();

        AnalyticsReport month = et.analytics().stats(EngageTrackDemo.SHOP_SITE_ID).period(Period.THIRTY_DAYS).execute();
        AnalyticsReport week = et.analytics().stats(EngageTrackDemo.SHOP_SITE_ID).period(Period.SEVEN_DAYS).execute();
        assertThat(month.number("pageviews").getAsLong()).isGreaterThan(week.number("pageviews").getAsLong());
        assertThat(et.analytics().pages(EngageTrackDemo.SHOP_SITE_ID).limit(3).execute().rows()).hasSize(3);
        assertThat(et.analytics().referrers(EngageTrackDemo.SHOP_SITE_ID).execute().rows()).isNotEmpty();
        assertThat(et.analytics().campaigns(EngageTrackDemo.SHOP_SITE_ID).execute().rows()).isNotEmpty();
        assertThat(et.analytics().sources(EngageTrackDemo.BLOG_SITE_ID).execute().rows()).isNotEmpty();

        List<Visitor> all = new ArrayList<>();
        et.visitors().list(EngageTrackDemo.SHOP_SITE_ID).limit(100).autoPage().forEach(all::add);
        assertThat(all).hasSizeGreaterThanOrEqualTo(200).extracting(Visitor::id).doesNotHaveDuplicates();
        assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("/visitors")).hasSize(3);

        VisitorPage found = et.visitors().list(EngageTrackDemo.SHOP_SITE_ID).search("ada.").execute();
        assertThat(found.visitors()).allSatisfy(v -> assertThat(v.email()).contains("ada."));
        assertThat(found.total()).isEqualTo((long) found.visitors().size());

        VisitorTimeline t = et.visitors().timeline(EngageTrackDemo.SHOP_SITE_ID, all.get(0).id()).execute();
        assertThat(t.visitor().id()).isEqualTo(all.get(0).id());
        assertThat(t.timeline()).isNotEmpty();

        FunnelAnalysis checkout = et.funnels().analyze(EngageTrackDemo.SHOP_SITE_ID, EngageTrackDemo.CHECKOUT_FUNNEL_ID)
                .execute();
        assertThat(checkout.steps()).hasSize(3);
        assertThat(checkout.steps().get(0).visitors()).isGreaterThanOrEqualTo(checkout.steps().get(2).visitors());
        assertThat(
                et.funnels().analyze(EngageTrackDemo.SHOP_SITE_ID, EngageTrackDemo.SIGNUP_FUNNEL_ID).execute().steps())
                .hasSize(2);
    }

    @Test
    void scopesAreEnforcedPerRouteWithTheExactMessage() {
        fake = FakeEngageTrack.builder().clock(clock).start();
        EngageTrack reporting = client(fake, EngageTrackDemo.REPORTING_API_KEY)
                .withOptions(o -> o.retryPolicy(RetryPolicy.none()));
        assertThat(reporting.analytics().stats(EngageTrackDemo.SHOP_SITE_ID).execute().number("visitors")).isPresent();
        assertThatThrownBy(() -> reporting.visitors().list(EngageTrackDemo.SHOP_SITE_ID).execute())
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.missingScope()).hasValue("visitors:read");
                    assertThat(e.serverMessage()).hasValue("API key missing required scope: visitors:read");
                });
        assertThatThrownBy(() -> reporting.funnels()
                .analyze(EngageTrackDemo.SHOP_SITE_ID, EngageTrackDemo.CHECKOUT_FUNNEL_ID).execute())
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.missingScope()).hasValue("funnels:read"));
    }

    @Test
    void makerPlanAnswers402AndSessionOnlyRoutesRefuseKeys() {
        fake = FakeEngageTrack.builder().clock(clock).start();
        EngageTrack maker = client(fake, EngageTrackDemo.MAKER_API_KEY).withOrganization(EngageTrackDemo.MAKER_ORG_ID);
        assertThatThrownBy(() -> maker.sites().list().execute()).isInstanceOf(PaymentRequiredException.class)
                .hasMessageContaining("Startup plan");
        EngageTrack makerSession = maker.withSessionToken(EngageTrackDemo.MAKER_SESSION_TOKEN);
        assertThatThrownBy(() -> makerSession.apiKeys().create(ApiKeyInput.of("x", Scope.ANALYTICS_READ)).execute())
                .isInstanceOf(PaymentRequiredException.class);

        EngageTrack key = client(fake, EngageTrackDemo.API_KEY);
        // the SDK refuses before sending; the fake refuses too when asked directly
        assertThatThrownBy(() -> key.raw().get("/organizations/{orgId}/api-keys", EngageTrackDemo.ORG_ID).execute())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("user session");

        EngageTrack owner = key.withSessionToken(EngageTrackDemo.SESSION_TOKEN);
        CreatedApiKey created = owner.apiKeys().create(ApiKeyInput.of("Visitors only", Scope.VISITORS_READ)).execute();
        assertThat(owner.apiKeys().list().execute()).anySatisfy(k -> assertThat(k.id()).isEqualTo(created.id()));
        EngageTrack fresh = client(fake, created.key());
        assertThat(fresh.visitors().list(EngageTrackDemo.BLOG_SITE_ID).limit(1).execute().visitors()).hasSize(1);
        owner.apiKeys().revoke(created.id()).execute();
        assertThatThrownBy(() -> fresh.visitors().list(EngageTrackDemo.BLOG_SITE_ID).execute())
                .isInstanceOf(io.tally.core.AuthenticationException.class);
    }

    @Test
    void perKeyLimiterSendsHeadersAndA429ThatTheClientWaitsOut() {
        fake = FakeEngageTrack.builder().clock(clock).rateLimitPerMinute(2).start();
        EngageTrack et = client(fake, EngageTrackDemo.API_KEY);
        RawResponse<List<Site>> first = et.sites().list().executeRaw();
        assertThat(first.headers().first("X-RateLimit-Limit")).hasValue("2");
        assertThat(first.headers().first("X-RateLimit-Remaining")).hasValue("1");
        long reset = Long.parseLong(first.headers().first("X-RateLimit-Reset").orElseThrow());
        assertThat(reset).isEqualTo(Instant.parse("2026-03-14T12:01:00Z").getEpochSecond());
        et.sites().list().execute();

        List<Site> third = et.sites().list().execute(); // 429, waits until the reset, then succeeds

        assertThat(third).hasSize(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(30));
        assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(200, 200, 429, 200);
        assertThat(fake.requests().get(2).bodyAsString()).isEmpty();

        // the retry was the window's first request: one more fits, the next is refused
        EngageTrack noRetry = et.withOptions(o -> o.retryPolicy(RetryPolicy.none()));
        noRetry.sites().list().execute();
        assertThatThrownBy(() -> noRetry.sites().list().execute()).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("Rate limit exceeded. Retry after 2026-03-14T12:02:00Z");
    }

    @Test
    void ingestionAnswers202AndIsRecorded() {
        fake = FakeEngageTrack.builder().clock(clock).start();
        EngageTrack anonymous = EngageTrack.builder().baseUrl(fake.baseUrl()).build();
        anonymous.ingestion().event(TrackedEvent.builder(EngageTrackDemo.SHOP_PUBLIC_ID, "https://shop.example.com/")
                .visitorUid("uid-x").build()).execute();
        assertThat(fake.events()).singleElement()
                .satisfies(e -> assertThat(e.path("visitor_uid").asText()).isEqualTo("uid-x"));
        assertThat(fake.lastRequest().status()).isEqualTo(202);
        assertThat(fake.lastRequest().header("Authorization")).isNull();
    }

    @Test
    void faultsAreInjectedAndRetried() {
        fake = FakeEngageTrack.builder().clock(clock).start();
        fake.failNext(Fault.serverError());
        EngageTrack et = client(fake, EngageTrackDemo.API_KEY);
        assertThat(et.sites().list().execute()).hasSize(2);
        assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(503, 200);
        assertThat(fake.requests().get(0).bodyAsString()).isEmpty();
    }
}
