package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.time.DateRange;
import io.tally.hitkeep.model.Hit;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paging through raw hits with offset/limit, and the checks on stats comparisons and windows. */
class HitsAndStatsTest {
    static final String SITE = Part1Clients.SITE;
    static final String HITS = "/api/sites/" + SITE + "/hits";
    static final DateRange WEEK = DateRange.between(Instant.parse("2026-06-01T00:00:00Z"),
            Instant.parse("2026-06-08T00:00:00Z"));

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    static String page(int first, int count, int total) {
        StringBuilder data = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            data.append(i == first ? "" : ",").append("{\"id\":\"hit-").append(i).append("\",\"path\":\"/p/").append(i)
                    .append("\",\"timestamp\":\"2026-06-02T00:00:00Z\"}");
        }
        return "{\"data\":[" + data + "],\"total\":" + total + "}\n";
    }

    void stubPage(int offset, int count, int total) {
        wm.stubFor(get(urlPathEqualTo(HITS)).withQueryParam("offset", equalTo(String.valueOf(offset)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(page(offset, count, total))));
    }

    @Test
    void autoPageWalksEveryPageUntilTheTotalAndKeepsTheFilters() {
        stubPage(0, 100, 250);
        stubPage(100, 100, 250);
        stubPage(200, 50, 250);

        List<Hit> hits = clients.token(wm.baseUrl()).sites().hits(SITE).range(WEEK).search("/p/")
                .filter(Filter.country("DE"))
                .autoPage().stream().collect(Collectors.toList());

        assertThat(hits).hasSize(250);
        assertThat(hits.get(249).path()).isEqualTo("/p/249");
        List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).extracting(r -> r.queryParameter("offset").firstValue()).containsExactly("0", "100", "200");
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.queryParameter("limit").firstValue()).isEqualTo("100");
            assertThat(r.queryParameter("q").firstValue()).isEqualTo("/p/");
            assertThat(r.queryParameter("filter").firstValue()).isEqualTo("country:DE");
            assertThat(r.queryParameter("from").firstValue()).isEqualTo("2026-06-01T00:00:00Z");
        });
    }

    @Test
    void autoPageStartsAtTheOffsetAndUsesThePageSize() {
        stubPage(20, 10, 35);
        stubPage(30, 5, 35);

        List<Hit> hits = clients.token(wm.baseUrl()).sites().hits(SITE).pageSize(10).offset(20).autoPage().stream()
                .collect(Collectors.toList());

        assertThat(hits).extracting(Hit::id).first().isEqualTo("hit-20");
        assertThat(hits).hasSize(15);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).extracting(r -> r.queryParameter("limit").firstValue())
                .containsExactly("10", "10");
    }

    @Test
    void pageSizeAndOffsetAreChecked() {
        HitsRequest request = clients.token(wm.baseUrl()).sites().hits(SITE);

        assertThatThrownBy(() -> request.pageSize(0)).hasMessageStartingWith("pageSize must be between 1 and 100")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> request.limit(101)).hasMessageStartingWith("pageSize must be between 1 and 100")
                .hasMessageContaining("got 101");
        assertThatThrownBy(() -> request.offset(-1)).hasMessage("offset must be at least 0, got -1");
    }

    @Test
    void aComparisonNeedsBothBoundsAndAValidWindowBeforeAnythingIsSent() {
        HitKeep hitkeep = clients.token(wm.baseUrl());

        assertThatThrownBy(() -> hitkeep.sites().stats(SITE).range(WEEK)
                .compareFrom(Instant.parse("2026-05-01T00:00:00Z")).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("compare_from and compare_to are required together");
        assertThatThrownBy(
                () -> hitkeep.sites().stats(SITE).compareUntil(Instant.parse("2026-05-01T00:00:00Z")).execute())
                .hasMessageStartingWith("compare_from and compare_to are required together");
        assertThatThrownBy(() -> hitkeep.sites().stats(SITE).compareFrom(Instant.parse("2026-05-08T00:00:00Z"))
                .compareUntil(Instant.parse("2026-05-01T00:00:00Z")).execute())
                .hasMessage("compare_to (2026-05-01T00:00:00Z) must be after compare_from (2026-05-08T00:00:00Z)");
        assertThatThrownBy(() -> hitkeep.sites().stats(SITE).compareWithPreviousPeriod().execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range(...)");
        assertThatThrownBy(() -> hitkeep.sites().stats(SITE).goal("pricing"))
                .hasMessageStartingWith("goalId must be a UUID");
        assertThatThrownBy(() -> hitkeep.sites().stats(SITE).funnel(""))
                .hasMessage("funnelId must not be null or blank");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aStatsResponseWithoutComparisonHasNone() {
        wm.stubFor(get(urlPathEqualTo("/api/sites/" + SITE + "/stats"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"total_pageviews\":3,\"top_pages\":null}\n")));

        var stats = clients.token(wm.baseUrl()).sites().stats(SITE).range(WEEK).execute();

        assertThat(stats.hasComparison()).isFalse();
        assertThat(stats.comparison()).isEmpty();
        assertThat(stats.topPages()).isEmpty();
        assertThat(stats.goals()).isEmpty();
        assertThatThrownBy(() -> stats.topPages().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
