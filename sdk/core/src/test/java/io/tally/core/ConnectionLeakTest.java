package io.tally.core;

import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.spi.ResponseEnvelope;
import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every response is closed, whatever happened to it: after retries, error responses, broken bodies
 * and successes, no connection of the client's pool is still in use.
 */
class ConnectionLeakTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/leak";
    private static final String BIG = "x".repeat(200_000);

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private static void stub(ResponseDefinitionBuilder response) {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(response));
    }

    private void assertNothingInUse(String after) {
        assertThat(harness.noConnectionInUse())
                .as("after %s: %d connections, %d idle", after, harness.http.connectionPool().connectionCount(),
                        harness.http.connectionPool().idleConnectionCount())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void noConnectionStaysInUseAfterFailuresAndSuccesses(Mode mode) {
        ClientContext context = harness.context(wm.baseUrl());
        ClientContext enveloped = harness.context(
                ProviderInfo.builder("Env").envelope(ResponseEnvelope.successData()).build(),
                harness.options(wm.baseUrl()));

        stub(aResponse().withStatus(503).withBody("busy"));
        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH))).isInstanceOf(ServerException.class);
        assertNothingInUse("retried 503s");

        stub(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("slow"));
        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "POST", PATH)))
                .isInstanceOf(RateLimitException.class);
        assertNothingInUse("retried 429s");

        stub(aResponse().withStatus(500).withBody(BIG));
        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH)))
                .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.body()).hasSize(64 * 1024));
        assertNothingInUse("large error bodies");

        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody(BIG)
                .withHeader("Transfer-Encoding", "chunked")));
        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH)))
                .isInstanceOf(NotFoundException.class);
        assertNothingInUse("a chunked error body");

        stub(aResponse().withStatus(404));
        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "DELETE", PATH)))
                .isInstanceOf(NotFoundException.class);
        assertNothingInUse("an empty error body");

        stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH)))
                .isInstanceOf(ApiConnectionException.class);
        assertNothingInUse("connection resets");

        stub(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH)))
                .isInstanceOf(ApiConnectionException.class);
        assertNothingInUse("broken bodies");

        stub(aResponse().withStatus(200).withBody("{\"half\":"));
        assertThatThrownBy(() -> mode.run(TestRequest.json(context, "GET", PATH))).isInstanceOf(TallyException.class);
        assertNothingInUse("an unreadable body");

        stub(aResponse().withStatus(200).withBody("{\"success\":false,\"error\":\"no\"}"));
        assertThatThrownBy(() -> mode.run(TestRequest.json(enveloped, "GET", PATH)))
                .isInstanceOf(BadRequestException.class);
        assertNothingInUse("an envelope failure");

        stub(aResponse().withStatus(200).withBody(BIG));
        assertThat(mode.run(new TestRequest<>(context, "GET", PATH, ResponseReader.discard()))).isNull();
        assertNothingInUse("a body nobody read");

        stub(aResponse().withStatus(200).withBody("{\"ok\":true}"));
        JsonNode ok = mode.run(TestRequest.json(context, "GET", PATH));
        assertThat(ok.path("ok").asBoolean()).isTrue();
        assertNothingInUse("a success");
        assertThat(harness.http.connectionPool().connectionCount())
                .as("the successful call's connection went back to the pool, idle").isPositive();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aReaderThatThrowsStillReleasesTheConnection(Mode mode) {
        ClientContext context = harness.context(wm.baseUrl());
        stub(aResponse().withStatus(200).withBody(BIG));
        ResponseReader<String> failing = response -> {
            response.stream().read();
            throw new IOException("reader gave up");
        };

        assertThatThrownBy(() -> mode.run(new TestRequest<>(context, "POST", PATH, failing)))
                .isInstanceOf(ApiConnectionException.class);

        assertNothingInUse("a failing reader");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aNonRepeatableReaderIsNotRetried(Mode mode) {
        ClientContext context = harness.context(wm.baseUrl());
        stub(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        ResponseReader<String> streaming = new ResponseReader<>() {
            @Override
            public String read(ResponseHandle response) throws IOException {
                return response.text();
            }

            @Override
            public boolean repeatable() {
                return false;
            }
        };

        assertThatThrownBy(() -> mode.run(new TestRequest<>(context, "GET", PATH, streaming)))
                .isInstanceOf(ApiConnectionException.class);

        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlEqualTo(PATH)));
        assertNothingInUse("a non-repeatable reader");
    }
}
