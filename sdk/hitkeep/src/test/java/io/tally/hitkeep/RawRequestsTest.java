package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.PermissionDeniedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HitKeep's raw escape hatch: its token, its error decoder. */
class RawRequestsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Part1Clients clients = new Part1Clients();

    @Test
    void rawRequestsCarryTheTokenAndHitKeepsErrorsStillMap() {
        wm.stubFor(get(urlEqualTo("/api/sites/s1/new-thing")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"visitors\":12}")));
        wm.stubFor(get(urlEqualTo("/api/forbidden"))
                .willReturn(aResponse().withStatus(403).withBody("forbidden: no grant")));

        assertThat(clients.token(wm.baseUrl()).raw().get("/api/sites/{id}/new-thing", "s1").execute().path("visitors")
                .asInt())
                .isEqualTo(12);
        wm.verify(anyRequestedFor(urlEqualTo("/api/sites/s1/new-thing"))
                .withHeader("Authorization", equalTo("Bearer " + Part1Clients.TOKEN)));
        assertThatThrownBy(() -> clients.token(wm.baseUrl()).raw().get("/api/forbidden").execute())
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("forbidden: no grant");
    }
}
