package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.json.TallyJson;
import io.tally.core.time.DateRange;
import io.tally.hitkeep.model.HitPage;
import io.tally.hitkeep.model.InstanceAuditPage;
import io.tally.hitkeep.model.TeamAuditPage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What surprised a new user (issue 8, item 7), each fixed. */
class NewUserSurprisesTest {
    static final String SITE = Part1Clients.SITE;
    static final DateRange WEEK = DateRange.between(Instant.parse("2026-06-08T00:00:00Z"),
            Instant.parse("2026-06-15T00:00:00Z"));

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @Test
    void countryFiltersTakeUpperCaseAlpha2CodesAndRefuseAnythingElse() {
        assertThat(Filter.country("DE").toString()).contains("DE");
        assertThat(Filter.country(Filter.UNKNOWN_COUNTRY).toString()).contains("(Unknown)");

        assertThatThrownBy(() -> Filter.country("Germany")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("country must be an ISO 3166-1 alpha-2 code in upper case, e.g. DE or US")
                .hasMessageContaining("got 'Germany'");
        assertThatThrownBy(() -> Filter.country("us")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 'us' (did you mean US?)");
        assertThatThrownBy(() -> Filter.parse("country:DEU")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.of(FilterType.COUNTRY, "de")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hitsPageSizeAboveTheMaximumIsRefusedAsTheConstantSays() {
        HitsRequest request = clients.token(wm.baseUrl()).sites().hits(SITE);

        request.pageSize(HitsRequest.MAX_PAGE_SIZE);
        assertThatThrownBy(() -> request.pageSize(200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pageSize must be between 1 and 100 (HitsRequest.MAX_PAGE_SIZE")
                .hasMessageContaining("got 200");
    }

    @Test
    void theOriginHintOf404IsGivenOnWritesOnly() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("Not Found\n")));
        HitKeep hitkeep = clients.token(wm.baseUrl());

        assertThatThrownBy(() -> hitkeep.sites().trackingStatus(SITE).execute()).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Origin"));
        assertThatThrownBy(() -> hitkeep.sites().delete(SITE).execute()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Origin header");
    }

    @Test
    void compareWithPreviousPeriodMayComeBeforeTheRange() {
        wm.stubFor(get(urlPathEqualTo("/api/sites/" + SITE + "/stats")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"total_pageviews\":9,\"comparison\":{\"total_pageviews\":7}}")));

        var stats = clients.token(wm.baseUrl()).sites().stats(SITE).compareWithPreviousPeriod().range(WEEK).execute();

        LoggedRequest sent = wm.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(sent.queryParameter("compare_from").firstValue()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(sent.queryParameter("compare_to").firstValue()).isEqualTo("2026-06-08T00:00:00Z");
        assertThat(stats.comparison()).hasValueSatisfying(c -> assertThat(c.totalPageviews()).isEqualTo(7));
    }

    @Test
    void a403SaysWhyInAType() {
        wm.stubFor(get(urlPathEqualTo("/api/sites/" + SITE + "/tracking/status")).willReturn(aResponse().withStatus(403)
                .withBody("Access denied\n")));
        wm.stubFor(get(urlPathEqualTo("/api/sites")).willReturn(aResponse().withStatus(403).withBody("Forbidden\n")));
        HitKeep hitkeep = clients.token(wm.baseUrl());

        assertThatThrownBy(() -> hitkeep.sites().trackingStatus(SITE).execute())
                .isInstanceOf(PermissionDeniedException.class)
                .satisfies(e -> assertThat(((PermissionDeniedException) e).reason())
                        .isEqualTo(PermissionDeniedException.Reason.NO_GRANT));
        assertThatThrownBy(() -> hitkeep.sites().list().execute()).isInstanceOf(PermissionDeniedException.class)
                .satisfies(e -> assertThat(((PermissionDeniedException) e).reason())
                        .isEqualTo(PermissionDeniedException.Reason.ROLE_TOO_LOW));
    }

    @Test
    void a429WithAHintDoesNotSayThereIsNone() {
        wm.stubFor(get(urlPathEqualTo("/api/sites"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                        .withBody("Too Many Requests\n")));
        HitKeep hitkeep = clients.token(wm.baseUrl());

        assertThatThrownBy(() -> hitkeep.sites().list().execute()).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("wait as long as it asked")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("no hint");
                    assertThat(((RateLimitException) e).retryAfter()).hasValue(Duration.ofSeconds(120));
                });
    }

    @Test
    void everyPageNamesItsRowsItems() throws Exception {
        var mapper = TallyJson.snakeCaseMapper();
        HitPage hits = mapper.readValue("{\"data\":[{\"id\":\"h1\",\"path\":\"/\"}],\"total\":1}", HitPage.class);
        TeamAuditPage team = mapper.readValue("{\"entries\":[{}],\"total\":1}", TeamAuditPage.class);
        InstanceAuditPage instance = mapper.readValue("{\"entries\":[{},{}],\"total\":2}", InstanceAuditPage.class);

        assertThat(hits.items()).hasSize(1);
        assertThat(team.items()).hasSize(1);
        assertThat(instance.items()).hasSize(2);
        // the old names still answer, deprecated
        assertThat(hitsData(hits)).isSameAs(hits.items());
        assertThat(mapper.readTree(mapper.writeValueAsString(hits)).has("data")).isTrue();
    }

    @SuppressWarnings("deprecation")
    private static Object hitsData(HitPage page) {
        return page.data();
    }
}
