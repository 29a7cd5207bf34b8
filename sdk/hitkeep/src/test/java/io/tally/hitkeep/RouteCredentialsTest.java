package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.Credentials;
import io.tally.core.RequestOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The credentials a route sends follow its auth mode even when the caller replaces the per-request options as a
 * whole (e.g. to set a timeout): the API token and session cookie never go to public or share-token routes, and
 * token-only ingest never carries the session cookie. Credentials the caller names explicitly are sent as given.
 */
class RouteCredentialsTest {
    static final String SHARE_TOKEN = "share-7c1f0e2d9b8a";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.session.sig";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();

    @BeforeEach
    void stub() {
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"ok\",\"version\":\"2.8.1\",\"id\":\"" + Part1Clients.SITE
                        + "\",\"domain\":\"shop.example.com\"}\n")));
    }

    private HitKeep tokenAndSession() {
        return clients.token(wm.baseUrl()).withSession(HitKeepSession.of(JWT, null));
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    private static RequestOptions longTimeout() {
        return RequestOptions.builder().timeout(Duration.ofSeconds(90)).build();
    }

    @Test
    void aShareTokenRouteSendsNoCredentialsWhenTheOptionsAreReplaced() {
        tokenAndSession().shared(SHARE_TOKEN).site().options(longTimeout()).execute();

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getUrl()).startsWith("/api/share/" + SHARE_TOKEN + "/site");
        assertThat(sent.containsHeader("Authorization")).isFalse();
        assertThat(sent.containsHeader("X-API-Key")).isFalse();
        assertThat(sent.containsHeader("Cookie")).isFalse();
    }

    @Test
    void aPublicRouteSendsNoCredentialsWhenTheOptionsAreReplaced() {
        tokenAndSession().server().status().options(longTimeout()).execute();

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getUrl()).isEqualTo("/api/status");
        assertThat(sent.containsHeader("Authorization")).isFalse();
        assertThat(sent.containsHeader("Cookie")).isFalse();
    }

    @Test
    void tokenOnlyIngestNeverSendsTheSessionCookieWhenTheOptionsAreReplaced() {
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));

        tokenAndSession().ingest().pageview(IngestTest.pageview().build()).options(longTimeout()).execute();

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + Part1Clients.TOKEN);
        assertThat(sent.containsHeader("Cookie")).isFalse();
    }

    @Test
    void credentialsNamedInTheOptionsAreSentAsGiven() {
        tokenAndSession().server().status()
                .options(RequestOptions.builder().credentials(Credentials.bearer("explicit-token-for-a-proxy")).build())
                .execute();

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer explicit-token-for-a-proxy");
    }
}
