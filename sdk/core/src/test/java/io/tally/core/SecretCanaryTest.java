package io.tally.core;

import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ProviderInfo;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.logcapture.CapturedLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Canary: distinctive secrets (a bearer token, an API key, a session cookie, secret extra headers)
 * go out on every request, with headers logged; none of them may show up in a log line, an
 * exception (message, {@code toString()}, causes, body, headers) or any {@code toString()}.
 */
class SecretCanaryTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Every secret below contains this, so one search finds any of them. */
    private static final String MARK = "sekrit";
    private static final String BEARER = "sekrit-bearer-4f1c2d9e";
    private static final String API_KEY = "sekrit-apikey-8b2e0c1a";
    private static final String COOKIE = "sekrit-cookie-77aa3b5f";
    private static final String WORKSPACE_SECRET = "sekrit-workspace-31d0e6";
    private static final String SIGNING_KEY = "sekrit-signing-a9c4f0";

    private final Harness harness = new Harness();
    /** A provider name of this test alone, to find this test's log lines among all captured ones. */
    private final String providerName = "Canary" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private Credentials credentials() {
        return Credentials.bearer(BEARER)
                .and(Credentials.apiKey("X-API-Key", API_KEY))
                .and(Credentials.sessionCookie("hk_session", COOKIE))
                .withSecretHeader("X-Workspace-Secret", WORKSPACE_SECRET)
                .withHeader("X-Workspace", providerName);
    }

    private ClientOptions.Builder options(String baseUrl, LogLevel level) {
        return harness.options(baseUrl)
                .credentials(credentials())
                .logLevel(level)
                .secretHeader("X-Signing-Key")
                .defaultHeader("X-Signing-Key", SIGNING_KEY)
                .maxRetries(1);
    }

    private ClientContext context(String baseUrl, LogLevel level) {
        return ClientContext.create(ProviderInfo.builder(providerName).build(), options(baseUrl, level).build());
    }

    private List<String> myLogLines() {
        List<String> mine = new ArrayList<>();
        for (String line : CapturedLogs.lines()) {
            if (line.contains(providerName)) {
                mine.add(line);
            }
        }
        return mine;
    }

    private static void stub(ResponseDefinitionBuilder response) {
        wm.stubFor(any(urlPathEqualTo("/secret")).willReturn(response));
    }

    private static void assertNoSecretIn(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).as("stack trace with every cause").doesNotContain(MARK);
        assertThat(thrown.toString()).doesNotContain(MARK);
        if (thrown instanceof ApiException api) {
            assertThat(api.body()).as("body").doesNotContain(MARK);
            assertThat(api.headers().toString()).as("headers").doesNotContain(MARK);
            assertThat(api.serverMessage().orElse("")).as("server message").doesNotContain(MARK);
        }
    }

    private void assertNoSecretLogged() {
        for (String line : CapturedLogs.lines()) {
            assertThat(line).as("log line").doesNotContain(MARK);
        }
    }

    // ---- the canary on the wire and in the logs ------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void secretsAreSentButNeverLogged(Mode mode) {
        stub(aResponse().withStatus(200).withHeader("X-Request-Id", "req_ok").withHeader("X-Echo", providerName)
                .withHeader("Set-Cookie", "hk_session=" + COOKIE + "; HttpOnly").withBody("fine"));
        ClientContext context = context(wm.baseUrl(), LogLevel.HEADERS);

        String body = mode.run(TestRequest.text(context, "GET", "/secret").header("X-Signing-Key", SIGNING_KEY));

        assertThat(body).isEqualTo("fine");
        wm.verify(getRequestedFor(urlEqualTo("/secret"))
                .withHeader("Authorization", equalTo("Bearer " + BEARER))
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withHeader("Cookie", equalTo("hk_session=" + COOKIE))
                .withHeader("X-Workspace-Secret", equalTo(WORKSPACE_SECRET))
                .withHeader("X-Workspace", equalTo(providerName))
                .withHeader("X-Signing-Key", equalTo(SIGNING_KEY)));
        List<String> mine = myLogLines();
        assertThat(mine).as("the exchange was logged with headers")
                .anyMatch(l -> l.contains("GET") && l.contains("-> 200"))
                .anyMatch(
                        l -> l.contains("request headers") && l.contains("authorization=[" + HttpHeaders.REDACTED + "]")
                                && l.contains("x-api-key=[" + HttpHeaders.REDACTED + "]")
                                && l.contains("cookie=[" + HttpHeaders.REDACTED + "]")
                                && l.contains("x-workspace-secret=[" + HttpHeaders.REDACTED + "]")
                                && l.contains("x-signing-key=[" + HttpHeaders.REDACTED + "]")
                                && l.contains("x-workspace=[" + providerName + "]"))
                .anyMatch(
                        l -> l.contains("response headers") && l.contains("set-cookie=[" + HttpHeaders.REDACTED + "]"));
        assertNoSecretLogged();
    }

    @Test
    void basicLoggingLogsNoHeadersAtAll() {
        stub(aResponse().withStatus(204));
        TestRequest.text(context(wm.baseUrl(), LogLevel.BASIC), "DELETE", "/secret").execute();

        assertThat(myLogLines()).hasSize(1).allMatch(l -> l.contains("DELETE") && l.contains("-> 204")
                && !l.contains("headers"));
        assertNoSecretLogged();
    }

    @Test
    void basicLoggingShowsTheRouteWithSecretPathValuesRedactedAndQueryValuesElided() {
        String shareToken = "shr_" + MARK + "_path";
        wm.stubFor(any(urlPathEqualTo("/api/share/" + shareToken + "/sites/s1"))
                .willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "req_basic").withBody("ok")));
        TestRequest
                .text(context(wm.baseUrl(), LogLevel.BASIC), "GET", "/api/share/{token}/sites/{id}", shareToken, "s1")
                .param("q", "someone@example.com").execute();

        assertThat(myLogLines()).singleElement().satisfies(l -> assertThat(l)
                .contains(
                        "GET http://localhost:" + wm.getPort() + "/api/share/" + HttpHeaders.REDACTED + "/sites/s1?q=…")
                .contains("-> 200").contains("request id req_basic")
                .doesNotContain(shareToken).doesNotContain("someone@example.com"));
        assertNoSecretLogged();
    }

    @Test
    void noneLogsNothing() {
        stub(aResponse().withStatus(200));
        TestRequest.text(context(wm.baseUrl(), LogLevel.NONE), "GET", "/secret").execute();

        assertThat(myLogLines()).isEmpty();
    }

    // ---- failures ----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void unauthorizedCarriesNoSecret(Mode mode) {
        stub(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .withHeader("Set-Cookie", "hk_session=" + COOKIE + "; Max-Age=0").withBody("Unauthorized"));

        Throwable thrown = catchThrowable(() -> mode.run(TestRequest.text(context(wm.baseUrl(), LogLevel.HEADERS),
                "GET", "/secret")));

        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertNoSecretIn(thrown);
        assertThat(((ApiException) thrown).headers().first("set-cookie")).contains(HttpHeaders.REDACTED);
        assertNoSecretLogged();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void errorsThatEchoTheCredentialsCarryNoSecret(Mode mode) {
        // some servers quote what they received; the transport must scrub it from the body and message
        wm.stubFor(any(urlPathEqualTo("/secret")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Debug-Key", "{{request.headers.X-API-Key}}")
                .withBody("{\"message\":\"key {{request.headers.X-API-Key}} lacks scope; you sent"
                        + " '{{request.headers.Authorization}}' and cookie '{{request.headers.Cookie}}'"
                        + " and '{{request.headers.X-Workspace-Secret}}' '{{request.headers.X-Signing-Key}}'\"}")
                .withTransformers("response-template")));

        Throwable thrown = catchThrowable(() -> mode.run(TestRequest.text(context(wm.baseUrl(), LogLevel.HEADERS),
                "GET", "/secret")));

        assertThat(thrown).isInstanceOf(PermissionDeniedException.class);
        assertThat(((ApiException) thrown).body()).contains("lacks scope").contains(HttpHeaders.REDACTED);
        assertThat(thrown.getMessage()).contains("lacks scope");
        assertNoSecretIn(thrown);
        assertNoSecretLogged();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void serverErrorCarriesNoSecret(Mode mode) {
        wm.stubFor(any(urlPathEqualTo("/secret")).willReturn(aResponse().withStatus(500)
                .withHeader("X-Request-Id", "req_500")
                .withBody("Internal error handling {{request.headers.Cookie}}")
                .withTransformers("response-template")));

        Throwable thrown = catchThrowable(() -> mode.run(TestRequest.text(context(wm.baseUrl(), LogLevel.HEADERS),
                "POST", "/secret").idempotencyKey("idem-1")));

        assertThat(thrown).isInstanceOf(ServerException.class).hasMessageContaining("(request id req_500)");
        assertNoSecretIn(thrown);
        assertNoSecretLogged();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void connectionFailureCarriesNoSecret(Mode mode) throws Exception {
        String closed = "http://127.0.0.1:" + RetryRulesTest.closedPort();

        Throwable thrown = catchThrowable(() -> mode.run(TestRequest.text(context(closed, LogLevel.HEADERS),
                "GET", "/secret").queryParam("api_key", "sekrit-in-query")));

        assertThat(thrown).isExactlyInstanceOf(ApiConnectionException.class);
        assertNoSecretIn(thrown);
        assertThat(myLogLines()).anyMatch(l -> l.contains("failed after"));
        assertNoSecretLogged();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void timeoutCarriesNoSecret(Mode mode) {
        stub(aResponse().withStatus(200).withFixedDelay(400));

        Throwable thrown = catchThrowable(() -> mode.run(TestRequest.text(context(wm.baseUrl(), LogLevel.HEADERS),
                "GET", "/secret").timeout(Duration.ofMillis(100)).maxRetries(0)));

        assertThat(thrown).isInstanceOf(ApiTimeoutException.class);
        assertNoSecretIn(thrown);
        assertNoSecretLogged();
    }

    @Test
    void aSecretHeaderValueOkHttpCannotSendIsNotQuoted() {
        ClientContext context = ClientContext.create(ProviderInfo.builder(providerName).build(),
                options(wm.baseUrl(), LogLevel.HEADERS).defaultHeader("X-Signing-Key", "sekrit-ключ-value").build());

        Throwable thrown = catchThrowable(() -> TestRequest.text(context, "GET", "/secret").execute());

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Signing-Key")
                .hasMessageContaining(HttpHeaders.REDACTED);
        assertNoSecretIn(thrown);
        wm.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    // ---- toString ----------------------------------------------------------------------------------

    @Test
    void noToStringShowsASecret() {
        ClientOptions options = options("https://analytics.example.com", LogLevel.HEADERS).build();
        ClientContext context = ClientContext.create(ProviderInfo.builder(providerName).build(), options);
        RequestOptions requestOptions = RequestOptions.builder()
                .credentials(Credentials.bearer("sekrit-per-request"))
                .header("X-Signing-Key", SIGNING_KEY)
                .idempotencyKey("sekrit-idempotency")
                .queryParam("api_key", "sekrit-query")
                .build();

        assertThat(credentials().toString())
                .doesNotContain(MARK)
                .contains("bearer Authorization=" + HttpHeaders.REDACTED)
                .contains("api_key X-API-Key=" + HttpHeaders.REDACTED)
                .contains("session_cookie hk_session=" + HttpHeaders.REDACTED)
                .contains("header X-Workspace=" + providerName);
        assertThat(options.toString()).doesNotContain(MARK).contains("analytics.example.com");
        assertThat(context.toString()).doesNotContain(MARK).contains(providerName);
        assertThat(context.withCredentials(Credentials.apiKey("X-API-Key", "sekrit-derived")).toString())
                .doesNotContain(MARK);
        assertThat(requestOptions.toString()).doesNotContain(MARK);
        assertThat(TestRequest.text(context, "GET", "/secret").options(requestOptions).toString()).doesNotContain(MARK);
    }
}
