package io.tally.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.spi.ResponseReader;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an SRE and an attacker found (issue 13, SDK): no body text in any cause, limits on buffered
 * bodies and on a request's total time, and messages that say what really happened.
 */
class ReliabilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private static final String PATH = "/things";
    private static final String SECRET = "tk_live_canary_0123456789abcdef";

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private io.tally.core.spi.ClientContext context(ClientOptions.Builder options) {
        return harness.context(Harness.PROVIDER, options);
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    @Test
    void aBodyThatFailsToParseLeavesNoBodyTextInTheCauseChain() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(SECRET + " private-note-42")));
        TestRequest<?> request = TestRequest.json(
                context(harness.options(wm.baseUrl()).credentials(Credentials.bearer(SECRET))),
                "GET", PATH);

        assertThatThrownBy(request::execute).isInstanceOf(TallyException.class)
                .hasMessageContaining("could not read as the expected type")
                .satisfies(e -> {
                    for (Throwable t : chain(e)) {
                        assertThat(t.toString()).doesNotContain("tk_live_").doesNotContain("private-note-42");
                    }
                });
    }

    @Test
    void aCutShortOrUrlEncodedEchoOfTheSecretIsScrubbedFromAnErrorBody() {
        String secret = "tk/live+canary=0123456789";
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withBody("bad token tk%2Flive%2Bcanary%3D0123456789; seen before as tk/live+canar")));
        TestRequest<String> request = TestRequest.text(context(harness.options(wm.baseUrl())
                .credentials(Credentials.bearer(secret))), "GET", PATH);

        assertThatThrownBy(request::execute).isInstanceOf(BadRequestException.class)
                .satisfies(e -> {
                    ApiException api = (ApiException) e;
                    assertThat(api.body()).isEqualTo("bad token ██; seen before as ██");
                    assertThat(api.getMessage()).doesNotContain("canar").doesNotContain("%2Flive");
                });
    }

    @Test
    void aBufferedBodyLargerThanTheLimitFailsNamingSizeAndLimit() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Length", "2048")
                .withBody("x".repeat(2048))));
        TestRequest<String> request = TestRequest.text(context(harness.options(wm.baseUrl()).maxBodySize(1024)), "GET",
                PATH);

        assertThatThrownBy(request::execute).isExactlyInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("Testy GET /things failed: the response body (2048 bytes)")
                .hasMessageContaining("limit of 1024 bytes")
                .satisfies(e -> {
                    assertThat(((ResponseTooLargeException) e).size()).hasValue(2048);
                    assertThat(((ResponseTooLargeException) e).limit()).isEqualTo(1024);
                });
        assertThat(harness.attempts.get()).isEqualTo(1);
    }

    @Test
    void aBodyWithoutLengthIsCutOffAtTheLimit() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("y".repeat(4096))
                .withChunkedDribbleDelay(4, 20)));
        TestRequest<String> request = TestRequest.text(context(harness.options(wm.baseUrl()).maxBodySize(1024)), "GET",
                PATH);

        assertThatThrownBy(request::execute).isExactlyInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("more than 1024 bytes");
    }

    @Test
    void aStreamedReaderIsNotLimited() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("z".repeat(4096))));
        ResponseReader<Long> counting = response -> {
            long n = 0;
            InputStream in = response.stream();
            while (in.read() != -1) {
                n++;
            }
            return n;
        };
        TestRequest<Long> request = new TestRequest<>(context(harness.options(wm.baseUrl()).maxBodySize(1024)), "GET",
                PATH,
                counting);

        assertThat(request.execute()).isEqualTo(4096L);
    }

    @Test
    void aBodyDrippingJustFasterThanTheReadTimeoutEndsAtTheDeadline() {
        // 20 chunks over 4 s: each gap (200 ms) is well inside the 1 s read timeout
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("d".repeat(200))
                .withChunkedDribbleDelay(20, 4000)));
        TestRequest<String> request = TestRequest.text(context(harness.options(wm.baseUrl())
                .readTimeout(Duration.ofSeconds(1)).requestDeadline(Duration.ofMillis(300))), "GET", PATH);

        long started = System.nanoTime();
        assertThatThrownBy(request::execute).isExactlyInstanceOf(ApiTimeoutException.class)
                .hasMessageContaining("Testy GET /things did not finish within its request deadline of 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void aStreamedReaderIsExemptFromTheDeadline() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("s".repeat(50))
                .withChunkedDribbleDelay(5, 500)));
        ResponseReader<String> streamed = new ResponseReader<>() {
            @Override
            public String read(io.tally.core.spi.ResponseHandle response) throws java.io.IOException {
                return new String(response.stream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public boolean streamed() {
                return true;
            }
        };
        TestRequest<String> request = new TestRequest<>(context(harness.options(wm.baseUrl())
                .requestDeadline(Duration.ofMillis(100))), "GET", PATH, streamed);

        assertThat(request.execute()).hasSize(50);
    }

    @Test
    void anHtmlErrorPageIsDescribedNotQuoted() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody(
                        "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>"
                                + "<hr><center>nginx</center></body>\n</html>\n")));
        TestRequest<String> request = TestRequest.text(harness.context(wm.baseUrl()), "GET", PATH).maxRetries(0);

        assertThatThrownBy(request::execute).isExactlyInstanceOf(ServerException.class)
                .hasMessageStartingWith("Testy GET /things failed with 502: the server answered with an HTML error page"
                        + " titled \"502 Bad Gateway\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("<html>"));
    }

    @Test
    void aFailureAfterTheRequestWasSentDoesNotBlameTheBaseUrl() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        TestRequest<String> request = TestRequest.text(harness.context(wm.baseUrl()), "POST", PATH).maxRetries(0);

        assertThatThrownBy(request::execute).isExactlyInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("Testy POST /things failed after the request was sent, before a response arrived")
                .hasMessageContaining("may or may not have acted on it")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("base URL"));
    }

    @Test
    void aFailureWhileReadingTheBodyDoesNotBlameTheBaseUrl() {
        wm.stubFor(any(urlEqualTo(PATH))
                .willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        TestRequest<String> request = TestRequest.text(harness.context(wm.baseUrl()), "GET", PATH).maxRetries(0);

        assertThatThrownBy(request::execute).isExactlyInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("Testy GET /things failed while reading the response body")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("base URL"));
    }

    @Test
    void a503WithRetryAfterGivesRetryAfter() {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));
        TestRequest<String> request = TestRequest.text(harness.context(wm.baseUrl()), "GET", PATH);

        assertThatThrownBy(request::execute).isExactlyInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(((ServerException) e).retryAfter()).hasValue(Duration.ofSeconds(120)));
        // longer than maxRetryAfter (60 s): not waited out
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void anEmptyBodyWhereAValueIsExpectedFailsClearly() {
        wm.stubFor(any(urlEqualTo(PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        TestRequest<?> request = TestRequest.json(harness.context(wm.baseUrl()), "GET", PATH);

        assertThatThrownBy(request::execute).isExactlyInstanceOf(TallyException.class)
                .hasMessage("Testy GET /things returned 200 with an empty body where JsonNode was expected");
    }

    @Test
    void aMalformedStatusLineQuotingTheSecretLeavesNoCopyInTheCauseChain() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = server.accept()) {
                    java.io.InputStream in = s.getInputStream();
                    int matched = 0;
                    while (matched < 4) { // up to the blank line after the request headers
                        int c = in.read();
                        if (c < 0) {
                            return;
                        }
                        matched = (c == '\r' || c == '\n') ? matched + 1 : 0;
                    }
                    s.getOutputStream()
                            .write((SECRET + " 200 OK\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                } catch (java.io.IOException ignored) {
                    // the client hung up
                }
            });
            answer.setDaemon(true);
            answer.start();
            String base = "http://127.0.0.1:" + server.getLocalPort();
            TestRequest<String> request = TestRequest
                    .text(context(harness.options(base).credentials(Credentials.bearer(SECRET))),
                            "GET", PATH)
                    .maxRetries(0);

            assertThatThrownBy(request::execute).isInstanceOf(ApiConnectionException.class)
                    .satisfies(e -> {
                        assertThat(e.getCause()).isNotNull();
                        for (Throwable t : chain(e)) {
                            assertThat(t.toString()).doesNotContain("tk_live_");
                        }
                    });
        }
    }
}
