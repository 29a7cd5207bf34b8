package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.ApiException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.UnexpectedStatusException;
import io.tally.core.time.DateRange;
import io.tally.hitkeep.model.CloudPlanCode;
import io.tally.hitkeep.model.CloudSignup;
import io.tally.hitkeep.model.InstanceAuditEntry;
import io.tally.hitkeep.model.SearchConsoleDimension;
import io.tally.hitkeep.model.SystemActivationRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IntegrationsAndAdminTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part2Clients clients = new Part2Clients();

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    private HitKeep hk() {
        return clients.noRetries(wm.baseUrl());
    }

    @Test
    void sessionOnlyRoutesFailBeforeSendingOnATokenClient() {
        assertThatThrownBy(() -> hk().searchConsole().teamStatus(Part2Clients.TEAM).execute())
                .isInstanceOf(SessionRequiredException.class)
                .hasMessageContaining("/api/user/teams/{id}/integrations/google-search-console/status");
        assertThatThrownBy(() -> hk().searchConsole().completeOAuth("state", "code").execute())
                .isInstanceOf(SessionRequiredException.class);
        assertThatThrownBy(() -> hk().cloud().billingPortal("de").execute())
                .isInstanceOf(SessionRequiredException.class);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void anUnmappedPropertyIsA412WithHitKeepsMessage() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(412).withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBody("Search Console property is not mapped\n")));

        assertThatThrownBy(
                () -> hk().searchConsole().overview(Part2Clients.SITE).range(DateRange.lastDays(28)).execute())
                .isInstanceOfSatisfying(UnexpectedStatusException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.serverMessage()).contains("Search Console property is not mapped");
                });
    }

    @Test
    void teamIntegrationJsonErrorsCarryTheirCode() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(412).withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"status\":\"error\",\"code\":\"not_connected\",\"message\":\"Google Search Console is not connected\"}")));
        HitKeep session = hk().withSession(HitKeepSession.of("jwt.session.sig", null));

        assertThatThrownBy(() -> session.searchConsole().properties(Part2Clients.TEAM).execute())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errorCode()).contains("not_connected");
                    assertThat(e.serverMessage()).contains("Google Search Console is not connected");
                    assertThat(e.getMessage()).doesNotContain("jwt.session.sig");
                });
    }

    @Test
    void reportInputsAreChecked() {
        assertThatThrownBy(() -> hk().searchConsole().queries(Part2Clients.SITE).limit(101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> hk().searchConsole().mapProperty(Part2Clients.SITE, ""))
                .hasMessageContaining("propertyUri");
        assertThatThrownBy(() -> SearchConsoleDimension.of(" ")).hasMessageContaining("Search Console dimension");
    }

    @Test
    void opportunityGenerationAcceptsAtMost366Days() {
        Instant to = Instant.parse("2026-06-08T00:00:00Z");
        assertThatThrownBy(() -> hk().opportunities().generate(Part2Clients.SITE)
                .range(DateRange.between(to.minusSeconds(367L * 86400), to)).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366 days");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void theAuditLogIsPagedAtMost200AtATime() {
        wm.stubFor(any(anyUrl()).withQueryParam("offset", equalTo("0")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"entries\":[{\"action\":\"a1\"},{\"action\":\"a2\"}],\"total\":3,\"limit\":2,\"offset\":0,\"has_more\":true}")));
        wm.stubFor(any(anyUrl()).withQueryParam("offset", equalTo("2")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"entries\":[{\"action\":\"a3\"}],\"total\":3,\"limit\":2,\"offset\":2,\"has_more\":false}")));

        List<String> actions = new ArrayList<>();
        for (InstanceAuditEntry e : hk().admin().audit().outcome("success").limit(2).autoPage()) {
            actions.add(e.action());
        }

        assertThat(actions).containsExactly("a1", "a2", "a3");
        assertThat(wm.findAll(anyRequestedFor(anyUrl())))
                .allSatisfy(r -> assertThat(r.queryParameter("outcome").firstValue()).isEqualTo("success"));
        assertThatThrownBy(() -> hk().admin().audit().limit(201))
                .hasMessageContaining("limit must be between 1 and 200");
        assertThatThrownBy(() -> hk().admin().audit().offset(-1)).hasMessageContaining("offset");
        assertThatThrownBy(() -> hk().admin().exportAudit().format(ExportFormat.PARQUET))
                .hasMessageContaining("csv or json");
        assertThatThrownBy(() -> hk().admin().exportAudit().limit(50_001)).hasMessageContaining("50000");
    }

    @Test
    void theActivationViewIsPagedToo() {
        wm.stubFor(any(anyUrl()).withQueryParam("offset", equalTo("0")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"rows\":[{\"site_domain\":\"a.example\"}],\"total\":2,\"limit\":1,\"offset\":0,\"has_more\":true}")));
        wm.stubFor(any(anyUrl()).withQueryParam("offset", equalTo("1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"rows\":[{\"site_domain\":\"b.example\"}],\"total\":2,\"limit\":1,\"offset\":1,\"has_more\":false}")));

        List<String> domains = new ArrayList<>();
        for (SystemActivationRow row : hk().admin().activation().limit(1).autoPage()) {
            domains.add(row.siteDomain());
        }
        assertThat(domains).containsExactly("a.example", "b.example");
    }

    @Test
    void adminRoutesRefusedToATeamClientSurfaceAsPermissionDenied() {
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/plain; charset=utf-8")
                        .withBody("Forbidden\n")));

        assertThatThrownBy(() -> hk().admin().storage().execute()).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> hk().admin().sendTestMail("not-an-address")).hasMessageContaining("recipient");
    }

    @Test
    void cloudInputsAreCheckedAndThePasswordIsNeverPrinted() {
        assertThatThrownBy(() -> CloudSignup.of("ada@example.com", "short", "Team", CloudPlanCode.FREE))
                .hasMessageContaining("password must be at least 8");
        assertThatThrownBy(() -> CloudSignup.of("ada", "long enough", "Team", CloudPlanCode.FREE))
                .hasMessageContaining("email");
        assertThat(CloudSignup.of("ada@example.com", "s3cret-pass", "Team", CloudPlanCode.PRO).toString())
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> hk().withSession(HitKeepSession.of("jwt", null)).cloud()
                .billingCheckout(CloudPlanCode.FREE, null))
                .hasMessageContaining("paid plan");
        assertThatThrownBy(() -> hk().cloud().verifySignup("")).hasMessageContaining("verificationToken");
    }

    @Test
    void aFailedSignupVerificationRedirectsWithoutASession() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://app.hitkeep.example/signup?error=expired")));

        CloudSignupVerification v = hk().cloud().verifySignup("old-token").execute();

        assertThat(v.verified()).isFalse();
        assertThat(v.session()).isEmpty();
        assertThat(v.redirect().location()).endsWith("error=expired");
    }
}
