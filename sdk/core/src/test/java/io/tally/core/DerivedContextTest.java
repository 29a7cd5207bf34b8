package io.tally.core;

import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ProviderInfo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Views made with withCredentials / withOptions are cheap: same pool, same dispatcher, their own settings. */
class DerivedContextTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    @BeforeEach
    void answer() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withCredentialsSharesThePoolAndSendsTheNewToken(Mode mode) {
        ClientContext base = harness.context(wm.baseUrl());
        ClientContext caller = base.withCredentials(Credentials.bearer("caller-token"));

        assertThat(caller.httpClient().connectionPool()).isSameAs(base.httpClient().connectionPool())
                .isSameAs(harness.http.connectionPool());
        assertThat(caller.httpClient().dispatcher()).isSameAs(base.httpClient().dispatcher());

        mode.run(TestRequest.text(caller, "GET", "/caller"));
        mode.run(TestRequest.text(base, "GET", "/base"));

        wm.verify(getRequestedFor(urlEqualTo("/caller")).withHeader("Authorization", equalTo("Bearer caller-token")));
        wm.verify(getRequestedFor(urlEqualTo("/base")).withHeader("Authorization", equalTo("Bearer test-token")));
        // both requests went over the one pooled connection
        assertThat(harness.http.connectionPool().connectionCount()).isEqualTo(1);
        assertThat(harness.noConnectionInUse()).isTrue();
    }

    @Test
    void withCredentialsKeepsEverythingElse() {
        ClientContext base = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl()).maxRetries(5)
                .userAgent("app/1").defaultHeader("X-Team", "t1"));

        ClientContext caller = base.withCredentials(Credentials.apiKey("X-API-Key", "caller-key"));

        assertThat(caller.provider()).isSameAs(base.provider());
        assertThat(caller.options().retryPolicy()).isSameAs(base.options().retryPolicy());
        assertThat(caller.options().userAgent()).isEqualTo("app/1");
        assertThat(caller.options().defaultHeaders()).containsEntry("X-Team", "t1");
        assertThat(caller.options().credentials().has(Credentials.Kind.API_KEY)).isTrue();
        assertThat(caller.options().credentials().has(Credentials.Kind.BEARER)).isFalse();
        assertThat(base.options().credentials().has(Credentials.Kind.BEARER)).isTrue();
    }

    @Test
    void withOptionsSharesThePoolButAppliesTheNewSettings() {
        ClientContext base = harness.context(wm.baseUrl());
        ClientContext slowReader = base.withOptions(base.options().toBuilder()
                .readTimeout(Duration.ofSeconds(2)).defaultHeader("X-View", "slow").build());

        assertThat(slowReader.httpClient().connectionPool()).isSameAs(base.httpClient().connectionPool());
        assertThat(slowReader.httpClient().readTimeoutMillis()).isEqualTo(2000);
        assertThat(base.httpClient().readTimeoutMillis()).isEqualTo(60_000);
        assertThat(slowReader.httpClient().retryOnConnectionFailure()).isFalse();

        TestRequest.text(slowReader, "GET", "/view").execute();
        wm.verify(getRequestedFor(urlEqualTo("/view")).withHeader("X-View", equalTo("slow")));
    }

    @Test
    void clientsWithoutTheirOwnOkHttpShareTallysPool() {
        ClientOptions options = ClientOptions.builder().baseUrl(wm.baseUrl()).build();
        ClientContext one = ClientContext.create(Harness.PROVIDER, options);
        ClientContext two = ClientContext.create(ProviderInfo.builder("Other").build(), options);

        assertThat(one.httpClient().connectionPool()).isSameAs(two.httpClient().connectionPool());
        assertThat(one.httpClient().retryOnConnectionFailure()).isFalse();
        assertThat(one.asyncExecutor()).isSameAs(two.asyncExecutor());
    }
}
