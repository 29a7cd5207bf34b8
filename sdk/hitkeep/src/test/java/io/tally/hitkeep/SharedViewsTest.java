package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.NotFoundException;
import io.tally.core.time.DateRange;
import io.tally.hitkeep.model.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedViewsTest {
    static final String SHARE_TOKEN = "s7Kp2xQ9vLm4Tn8RwZ3yBc6Hd1Fg5Jk0";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part2Clients clients = new Part2Clients();

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @Test
    void aClientWithATokenAndASessionSendsNeitherOnShareRoutes() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + Part2Clients.SITE + "\",\"domain\":\"shop.example.com\"}")));
        HitKeep hk = clients.noRetries(wm.baseUrl()).withSession(HitKeepSession.of("jwt.session.sig", "remember"));

        hk.shared(SHARE_TOKEN).site().execute();
        hk.sharedQrCode("q4Wn7Rt2").get().execute();

        for (LoggedRequest r : wm.findAll(anyRequestedFor(anyUrl()))) {
            assertThat(r.containsHeader("Authorization")).isFalse();
            assertThat(r.containsHeader("X-API-Key")).isFalse();
            assertThat(r.containsHeader("Cookie")).isFalse();
        }
    }

    @Test
    void aClientWithoutAnyCredentialsCanReadAShareLink() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"domain\":\"shop.example.com\"}")));
        HitKeep anonymous = HitKeep.builder().baseUrl(wm.baseUrl()).build();

        assertThat(anonymous.shared(SHARE_TOKEN).site().execute().domain()).isEqualTo("shop.example.com");
    }

    @Test
    void aBlankShareTokenIsRefusedAndViewsDoNotPrintTheirToken() {
        HitKeep hk = clients.noRetries(wm.baseUrl());
        assertThatThrownBy(() -> hk.shared(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shareToken");
        assertThatThrownBy(() -> hk.sharedQrCode(null)).hasMessageContaining("qrShareToken");
        assertThat(hk.shared(SHARE_TOKEN).toString()).doesNotContain(SHARE_TOKEN);
        assertThat(hk.sharedQrCode(SHARE_TOKEN).toString()).doesNotContain(SHARE_TOKEN);
    }

    @Test
    void sharedHitsAreAutoPagedUntilTheTotal() {
        wm.stubFor(any(anyUrl()).withQueryParam("offset", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[{\"path\":\"/a\"},{\"path\":\"/b\"}],\"total\":3}")));
        wm.stubFor(any(anyUrl()).withQueryParam("offset", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[{\"path\":\"/c\"}],\"total\":3}")));

        List<String> paths = new ArrayList<>();
        for (Hit hit : clients.noRetries(wm.baseUrl()).shared(SHARE_TOKEN).hits(Part2Clients.SITE).pageSize(2)
                .autoPage()) {
            paths.add(hit.path());
        }

        assertThat(paths).containsExactly("/a", "/b", "/c");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2)
                .allSatisfy(r -> assertThat(r.queryParameter("limit").firstValue()).isEqualTo("2"));
    }

    @Test
    void inputsAreCheckedBeforeSending() {
        SharedDashboard shared = clients.noRetries(wm.baseUrl()).shared(SHARE_TOKEN);
        assertThatThrownBy(() -> shared.stats(Part2Clients.SITE).goal("not-a-uuid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goalId must be a UUID");
        assertThatThrownBy(() -> shared.hits(Part2Clients.SITE).pageSize(101)).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> shared.eventBreakdown(Part2Clients.SITE, "signup", " "))
                .hasMessageContaining("propertyKey");
        assertThatThrownBy(() -> shared.qrCodeOpens(Part2Clients.SITE, "qr")
                .from(Instant.parse("2026-06-08T00:00:00Z")).to(Instant.parse("2026-06-01T00:00:00Z")).execute())
                .hasMessageContaining("must be after from");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void shareRoutesUseTheSiteRequestsWithTheirChecksAndNoCredentials() {
        SharedDashboard shared = clients.noRetries(wm.baseUrl()).shared(SHARE_TOKEN);
        StatsRequest stats = shared.stats(Part2Clients.SITE);
        WebVitalsRequest<?> summary = shared.webVitalsSummary(Part2Clients.SITE);

        assertThat(stats.routeAuth()).isEqualTo(RouteAuth.SHARE_TOKEN);
        assertThat(stats.pathTemplate()).isEqualTo("/api/share/{token}/sites/{id}/stats");
        assertThatThrownBy(() -> summary.limit(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit applies only to the Web Vitals page and breakdown lists");
        assertThatThrownBy(() -> shared.exportHits(Part2Clients.SITE)
                .from(Instant.parse("2026-06-08T00:00:00Z")).to(Instant.parse("2026-06-01T00:00:00Z")).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after from");
        assertThatThrownBy(() -> shared.eventTimeseries(Part2Clients.SITE, " ")).hasMessageContaining("eventName");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRevokedLinkIsANotFound() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBody("Not found\n")));

        assertThatThrownBy(() -> clients.noRetries(wm.baseUrl()).shared(SHARE_TOKEN).stats(Part2Clients.SITE)
                .range(DateRange.lastDays(7)).execute())
                .isInstanceOf(NotFoundException.class);
    }
}
