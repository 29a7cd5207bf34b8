package io.tally.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Path values that are secrets (share tokens) are sent, but never shown in messages or toString(). */
class PathSecretTest {
    private static final String SHARE_TOKEN = "shr_9f8e7d6c5b4a39281706";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void tokenPathValuesAreSentButRedactedInMessages() {
        wm.stubFor(get(urlPathEqualTo("/api/share/" + SHARE_TOKEN + "/sites/s1/stats"))
                .willReturn(aResponse().withStatus(404).withBody("Not found\n")));
        try (Harness h = new Harness()) {
            TestRequest<String> request = TestRequest.text(h.context(wm.baseUrl()), "GET",
                    "/api/share/{token}/sites/{id}/stats", SHARE_TOKEN, "s1").maxRetries(0);

            NotFoundException e = catchThrowableOfType(NotFoundException.class, request::execute);

            assertThat(wm.getAllServeEvents()).hasSize(1); // the real token was sent
            assertThat(e.getMessage()).contains("/api/share/" + HttpHeaders.REDACTED + "/sites/s1/stats")
                    .doesNotContain(SHARE_TOKEN);
            assertThat(request.toString()).doesNotContain(SHARE_TOKEN);
        }
    }
}
