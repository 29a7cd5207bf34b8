package io.tally.core;

import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Redirects: followed for ordinary readers, with the credentials kept on the origin they were given
 * for; handed to readers that accept them, unfollowed.
 */
class RedirectTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    /** The same server under another host name: another origin as far as the client can tell. */
    private static String otherOrigin() {
        return "http://127.0.0.1:" + wm.getPort();
    }

    private ClientContext contextWithEveryKindOfSecret() {
        return ClientContext.create(Harness.PROVIDER, harness.options("http://localhost:" + wm.getPort())
                .credentials(Credentials.apiKey("X-Api-Key", "api-key-value-1")
                        .and(Credentials.sessionCookie("sid", "cookie-value-2")))
                .defaultHeader("X-Signature", "signature-value-3")
                .secretHeader("X-Signature")
                .defaultHeader("X-Trace", "plain")
                .build());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRedirectToAnotherHostCarriesNoCredentials(Mode mode) {
        wm.stubFor(get(urlEqualTo("/export")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", otherOrigin() + "/bucket/file")));
        wm.stubFor(get(urlEqualTo("/bucket/file")).willReturn(aResponse().withStatus(200).withBody("data")));

        String body = mode.run(TestRequest.text(contextWithEveryKindOfSecret(), "GET", "/export")
                .header("Authorization", "Bearer bearer-value-4"));

        assertThat(body).isEqualTo("data");
        wm.verify(getRequestedFor(urlEqualTo("/export"))
                .withHeader("X-Api-Key", equalTo("api-key-value-1"))
                .withHeader("Cookie", equalTo("sid=cookie-value-2"))
                .withHeader("X-Signature", equalTo("signature-value-3")));
        wm.verify(getRequestedFor(urlEqualTo("/bucket/file"))
                .withHeader("X-Api-Key", absent())
                .withHeader("Cookie", absent())
                .withHeader("X-Signature", absent())
                .withHeader("Authorization", absent())
                .withHeader("X-Trace", equalTo("plain")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRedirectOnTheSameOriginKeepsTheCredentials(Mode mode) {
        wm.stubFor(get(urlEqualTo("/old")).willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        wm.stubFor(get(urlEqualTo("/new")).willReturn(aResponse().withStatus(200).withBody("moved")));

        assertThat(mode.run(TestRequest.text(contextWithEveryKindOfSecret(), "GET", "/old"))).isEqualTo("moved");

        wm.verify(getRequestedFor(urlEqualTo("/new"))
                .withHeader("X-Api-Key", equalTo("api-key-value-1"))
                .withHeader("Cookie", equalTo("sid=cookie-value-2"))
                .withHeader("X-Signature", equalTo("signature-value-3")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aReaderThatAcceptsRedirectsSeesTheRedirectUnfollowed(Mode mode) {
        wm.stubFor(get(urlEqualTo("/qr/abc")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://shop.example.com/landing")));
        ResponseReader<String> location = new ResponseReader<>() {
            @Override
            public String read(ResponseHandle response) {
                return response.statusCode() + " " + response.headers().first("Location").orElse("none");
            }

            @Override
            public boolean acceptsRedirect() {
                return true;
            }
        };

        String seen = mode.run(new TestRequest<>(harness.context(wm.baseUrl()), "GET", "/qr/abc", location));

        assertThat(seen).isEqualTo("302 https://shop.example.com/landing");
        assertThat(harness.attempts).hasValue(1);
        assertThat(harness.noConnectionInUse()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anOrdinaryReaderFollowsTheRedirect(Mode mode) {
        wm.stubFor(
                get(urlEqualTo("/qr/abc")).willReturn(aResponse().withStatus(302).withHeader("Location", "/landing")));
        wm.stubFor(get(urlEqualTo("/landing")).willReturn(aResponse().withStatus(200).withBody("landed")));

        assertThat(mode.run(TestRequest.text(harness.context(wm.baseUrl()), "GET", "/qr/abc"))).isEqualTo("landed");
        wm.verify(getRequestedFor(urlEqualTo("/landing")).withHeader("Authorization", equalTo("Bearer test-token")));
    }
}
