package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.hitkeep.model.ApiClientInput;
import io.tally.hitkeep.model.ExclusionInput;
import io.tally.hitkeep.model.FunnelInput;
import io.tally.hitkeep.model.FunnelStep;
import io.tally.hitkeep.model.GoalInput;
import io.tally.hitkeep.model.InstanceRole;
import io.tally.hitkeep.model.MatchType;
import io.tally.hitkeep.model.SiteRole;
import io.tally.hitkeep.model.WebVitalMetric;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inputs HitKeep would refuse fail before sending, with a message that names the field. */
class InputChecksTest {
    static final String SITE = Part1Clients.SITE;

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();

    @AfterEach
    void nothingWasSent() {
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        wm.resetAll();
    }

    HitKeep session() {
        return clients.anonymous(wm.baseUrl()).withSession(HitKeepSession.of("jwt.value.sig", null));
    }

    @Test
    void siteDomainsFollowHitKeepsRules() {
        Sites sites = session().sites();

        assertThatThrownBy(() -> sites.create("https://shop.example.com"))
                .hasMessageContaining("must not contain a protocol");
        assertThatThrownBy(() -> sites.create("www.example.com")).hasMessageContaining("must not start with 'www.'");
        assertThatThrownBy(() -> sites.create(" ")).hasMessage("domain is required, e.g. example.com");
        assertThatThrownBy(() -> sites.create("shop example.com")).hasMessageStartingWith("domain must be a host name");
        assertThatThrownBy(() -> sites.create("shop.example.com/path"))
                .hasMessageStartingWith("domain must be a host name");
        assertThat(Sites.checkDomain(" Shop.Example.COM ")).isEqualTo("shop.example.com");
    }

    @Test
    void goalsAndFunnelsNeedWhatHitKeepNeeds() {
        assertThatThrownBy(() -> GoalInput.of("", MatchType.PATH, "/pricing"))
                .hasMessage("name must not be null or blank");
        assertThatThrownBy(() -> GoalInput.of("Pricing", null, "/pricing"))
                .hasMessageStartingWith("type must not be null");
        assertThatThrownBy(() -> GoalInput.of("Pricing", MatchType.PATH, "pricing"))
                .hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> FunnelInput.of("Checkout", FunnelStep.path("/cart")))
                .hasMessage("steps must hold at least 2 steps, got 1");
        assertThatThrownBy(() -> FunnelInput.of("Checkout", FunnelStep.path("/cart"), FunnelStep.event(" ")))
                .hasMessageStartingWith("steps[1] must have");
        assertThatThrownBy(() -> clients.token(wm.baseUrl()).goals().timeseries(SITE, "not-a-uuid"))
                .hasMessageStartingWith("goalId must be a UUID");
    }

    @Test
    void apiClientSettingsAreCheckedPerRoute() {
        ApiClients apiClients = session().apiClients();
        ApiClientInput plain = ApiClientInput.builder("exporter").build();

        assertThatThrownBy(() -> ApiClientInput.builder(new String(new char[121]).replace('\0', 'n')).build())
                .hasMessage("name must have at most 120 characters, got 121");
        assertThatThrownBy(() -> ApiClientInput.builder("x").description(new String(new char[501])).build())
                .hasMessageStartingWith("description must have at most 500 characters");
        assertThatThrownBy(() -> apiClients.update("c1", plain)).hasMessageStartingWith("instanceRole is required");
        assertThatThrownBy(() -> apiClients.create(ApiClientInput.builder("x").revoked(true).build()))
                .hasMessageStartingWith("revoked applies only to updates");
        assertThatThrownBy(() -> apiClients.createForTeam("t1",
                ApiClientInput.builder("x").instanceRole(InstanceRole.ADMIN).build()))
                .hasMessageStartingWith("instanceRole must not be set for a team API client");
        assertThatThrownBy(() -> ApiClientInput.builder("x").siteRole(" ", SiteRole.VIEWER))
                .hasMessageStartingWith("siteId of a site role");
    }

    @Test
    void routeSpecificOptionsAreRefusedWhereTheRouteIgnoresThem() {
        HitKeep hitkeep = clients.token(wm.baseUrl());

        assertThatThrownBy(() -> hitkeep.webVitals().summary(SITE).limit(5)).hasMessageContaining("limit applies only");
        assertThatThrownBy(() -> hitkeep.webVitals().pages(SITE, WebVitalMetric.LCP).limit(0))
                .hasMessage("limit must be at least 1, got 0");
        assertThatThrownBy(() -> hitkeep.ai().fetchOverview(SITE).windowDays(7))
                .hasMessageContaining("windowDays applies only");
        assertThatThrownBy(() -> hitkeep.ai().fetchCorrelation(SITE).windowDays(91))
                .hasMessage("windowDays must be between 1 and 90, got 91");
        assertThatThrownBy(() -> session().teams().audit("t1").pageSize(201))
                .hasMessage("pageSize must be between 1 and 200, got 201");
    }

    @Test
    void windowsAndIdsAreChecked() {
        HitKeep hitkeep = clients.token(wm.baseUrl());

        assertThatThrownBy(() -> hitkeep.events().names(SITE).from(Instant.parse("2026-06-08T00:00:00Z"))
                .to(Instant.parse("2026-06-01T00:00:00Z")).execute())
                .hasMessage("to (2026-06-01T00:00:00Z) must be after from (2026-06-08T00:00:00Z)");
        assertThatThrownBy(() -> hitkeep.sites().stats(" ")).hasMessage("siteId must not be null or blank");
        assertThatThrownBy(() -> hitkeep.events().properties(SITE, ""))
                .hasMessage("eventName must not be null or blank");
        assertThatThrownBy(() -> hitkeep.sites().setRetention(SITE, 0)).hasMessage("days must be at least 1, got 0");
        assertThatThrownBy(() -> ExclusionInput.cidr("203.0.113.7", null))
                .hasMessageStartingWith("cidr must be an IP range");
        assertThatThrownBy(() -> ExclusionInput.country("Germany", null))
                .hasMessageStartingWith("countryCode must be a two-letter");
        assertThat(ExclusionInput.country("de", "spam").countryCode()).isEqualTo("DE");
    }
}
