package io.tally.core;

import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ResponseReader;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What goes on the wire: user agent, headers, query, body and the encoded path. */
class RequestShapeTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    @BeforeEach
    void answerEverything() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private ClientContext context() {
        return harness.context(wm.baseUrl());
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> all = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    // ---- user agent and headers --------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void userAgentNamesTallyItsVersionTheProviderAndTheApplication(Mode mode) {
        ClientContext context = harness.context(Harness.PROVIDER,
                harness.options(wm.baseUrl()).userAgent(" my-app/1.4 "));

        mode.run(TestRequest.text(context, "GET", "/ua"));

        assertThat(Tally.version()).isNotEqualTo("dev").doesNotStartWith("$").matches("\\d+\\.\\d+\\.\\d+.*");
        wm.verify(getRequestedFor(urlEqualTo("/ua"))
                .withHeader("User-Agent", equalTo("tally-java/" + Tally.version() + " (testy) my-app/1.4"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer test-token")));
    }

    @Test
    void userAgentWithoutApplicationToken() {
        TestRequest.text(context(), "GET", "/ua").execute();

        wm.verify(getRequestedFor(urlEqualTo("/ua"))
                .withHeader("User-Agent", equalTo("tally-java/" + Tally.version() + " (testy)")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void defaultEndpointAndRequestHeadersAllArriveAndTheMostSpecificWins(Mode mode) {
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl())
                .defaultHeader("X-Client", "default")
                .defaultHeader("X-Overridden", "default")
                .defaultHeader("X-Route-Overridden", "default"));

        mode.run(TestRequest.text(context, "GET", "/h")
                .routeHeader("X-Route", "route")
                .routeHeader("X-Route-Overridden", "route")
                .header("X-Overridden", "request")
                .header("X-Extra", "extra"));

        LoggedRequest r = onlyRequest();
        assertThat(r.getHeader("X-Client")).isEqualTo("default");
        assertThat(r.getHeader("X-Route")).isEqualTo("route");
        assertThat(r.getHeader("X-Route-Overridden")).isEqualTo("route");
        assertThat(r.getHeader("X-Overridden")).isEqualTo("request");
        assertThat(r.getHeader("X-Extra")).isEqualTo("extra");
        assertThat(r.getHeaders().getHeader("X-Overridden").values()).hasSize(1);
    }

    @Test
    void perRequestCredentialsReplaceTheClients() {
        RequestOptions options = RequestOptions.builder()
                .credentials(Credentials.apiKey("X-API-Key", "per-request-key"))
                .build();

        TestRequest.text(context(), "GET", "/c").options(options).execute();

        LoggedRequest r = onlyRequest();
        assertThat(r.getHeader("X-API-Key")).isEqualTo("per-request-key");
        assertThat(r.containsHeader("Authorization")).isFalse();
    }

    // ---- query -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void queryValuesAreFormattedAndExtraParametersAppended(Mode mode) {
        mode.run(TestRequest.text(context(), "GET", "/q")
                .param("from", Instant.parse("2026-03-01T00:00:00Z"))
                .param("at", OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2)))
                .param("day", LocalDate.of(2026, 3, 9))
                .param("metric", Arrays.asList("visitors", "pageviews"))
                .addParam("metric", "bounce_rate")
                .param("removed", "x")
                .param("removed", null)
                .param("replaced", "first")
                .param("replaced", "second")
                .param("limit", 50)
                .queryParam("beta", "a b&c=d"));

        LoggedRequest r = onlyRequest();
        assertThat(r.queryParameter("from").firstValue()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(r.queryParameter("at").firstValue()).isEqualTo("2026-03-01T09:30:00+02:00");
        assertThat(r.queryParameter("day").firstValue()).isEqualTo("2026-03-09");
        assertThat(r.queryParameter("metric").values()).containsExactly("visitors", "pageviews", "bounce_rate");
        assertThat(r.queryParameter("removed").isPresent()).isFalse();
        assertThat(r.queryParameter("replaced").values()).containsExactly("second");
        assertThat(r.queryParameter("limit").firstValue()).isEqualTo("50");
        assertThat(r.queryParameter("beta").firstValue()).isEqualTo("a b&c=d");
        assertThat(r.getUrl()).startsWith("/q?from=2026-03-01T00%3A00%3A00Z&").endsWith("&beta=a%20b%26c%3Dd");
    }

    @Test
    void executeWithQueryReplacesParametersWithoutChangingTheRequest() {
        TestRequest<String> request = TestRequest.text(context(), "GET", "/page").param("offset", 0).param("limit", 10);
        Map<String, String> next = new LinkedHashMap<>();
        next.put("offset", "10");

        request.withQuery(next);
        request.execute();

        List<LoggedRequest> all = wm.findAll(getRequestedFor(urlPathEqualTo("/page")));
        assertThat(all).extracting(r -> r.queryParameter("offset").firstValue()).containsExactly("10", "0");
        assertThat(all).extracting(r -> r.queryParameter("limit").firstValue()).containsExactly("10", "10");
    }

    @Test
    void changingARequestAfterExecuteAsyncDoesNotChangeWhatIsSent() {
        List<Runnable> scheduled = new java.util.ArrayList<>();
        ClientContext later = harness.context(Harness.PROVIDER,
                harness.options(wm.baseUrl()).asyncExecutor(scheduled::add));
        TestRequest<String> request = TestRequest.text(later, "GET", "/page").addParam("tag", "a");

        java.util.concurrent.CompletableFuture<String> sent = request.executeAsync();
        request.addParam("tag", "b");
        scheduled.forEach(Runnable::run);

        assertThat(sent).isDone();
        LoggedRequest only = wm.findAll(getRequestedFor(urlPathEqualTo("/page"))).get(0);
        assertThat(only.queryParameter("tag").values()).containsExactly("a");
    }

    // ---- body --------------------------------------------------------------------------------------

    record Event(String name, String url, Instant timestamp, Map<String, Object> props) {}

    @ParameterizedTest
    @EnumSource(Mode.class)
    void jsonBodyIsWrittenWithTheProvidersMapper(Mode mode) {
        mode.run(TestRequest.text(context(), "POST", "/events")
                .body(new Event("signup", null, Instant.parse("2026-03-10T08:00:00.123Z"), Map.of("plan", "pro"))));

        wm.verify(postRequestedFor(urlEqualTo("/events"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson(
                        "{\"name\":\"signup\",\"timestamp\":\"2026-03-10T08:00:00.123Z\",\"props\":{\"plan\":\"pro\"}}",
                        false, false)));
        assertThat(onlyRequest().getBodyAsString()).doesNotContain("url").doesNotContain("null");
    }

    @Test
    void postWithoutBodySendsAnEmptyOne() {
        TestRequest.text(context(), "POST", "/empty").execute();

        LoggedRequest r = onlyRequest();
        assertThat(r.getBody()).isEmpty();
        assertThat(r.getHeader("Content-Length")).isEqualTo("0");
    }

    // ---- path --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void pathValuesArePercentEncodedAsOneSegment(Mode mode) {
        mode.run(TestRequest.text(context(), "GET", "/sites/{siteId}/pages/{page}", "a b/c?d#e%f", "ünï"));

        assertThat(onlyRequest().getUrl()).isEqualTo("/sites/a%20b%2Fc%3Fd%23e%25f/pages/%C3%BCn%C3%AF");
    }

    @Test
    void encodedDotsStayData() {
        TestRequest.text(context(), "GET", "/sites/{id}/x", "%2e%2e").execute();

        assertThat(onlyRequest().getUrl()).isEqualTo("/sites/%252e%252e/x");
    }

    @Test
    void basePathIsKept() {
        ClientContext context = harness.context(wm.baseUrl() + "/api/v2/");

        TestRequest.text(context, "GET", "/sites/{id}", "s1").param("q", "1").execute();

        assertThat(onlyRequest().getUrl()).isEqualTo("/api/v2/sites/s1?q=1");
    }

    @Test
    void dotSegmentsAreRefusedBeforeSending() {
        assertThatThrownBy(() -> TestRequest.text(context(), "GET", "/sites/{siteId}/stats", ".."))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("siteId must not be '..'");
        assertThatThrownBy(() -> TestRequest.text(context(), "GET", "/sites/{siteId}/stats", "."))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("siteId must not be '.'");
        wm.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    }

    @Test
    void nullOrBlankPathValuesNameThePlaceholder() {
        assertThatThrownBy(() -> TestRequest.text(context(), "GET", "/sites/{siteId}/goals/{goalId}", "s1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("goalId must not be null");
        assertThatThrownBy(() -> TestRequest.text(context(), "GET", "/sites/{siteId}", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("siteId must not be blank");
        assertThatThrownBy(() -> TestRequest.text(context(), "GET", "/sites/{siteId}", "  \t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("siteId must not be blank");
    }

    @Test
    void templateAndValueCountMustAgree() {
        assertThatThrownBy(() -> TestRequest.text(context(), "GET", "/sites/{siteId}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{siteId}");
        assertThatThrownBy(() -> TestRequest.text(context(), "GET", "/sites/{siteId}", "a", "b"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("takes 1 values, got 2");
    }

    // ---- validation before sending -----------------------------------------------------------------

    static final class Validated extends ApiRequest<String, Validated> {
        Validated(ClientContext context) {
            super(context, "GET", "/validated", new Object[0], ResponseReader.text());
        }

        @Override
        protected void validate() {
            throw new IllegalArgumentException("limit must be between 1 and 100, got 0");
        }
    }

    @Test
    void validationFailsBeforeAnythingIsSentBlockingAndAsync() {
        assertThatThrownBy(() -> new Validated(context()).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> new Validated(context()).executeAsync())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        wm.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    }

    @Test
    void requestDescribesItself() {
        TestRequest<String> request = TestRequest.text(context(), "GET", "/sites/{id}", "s 1");

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathTemplate()).isEqualTo("/sites/{id}");
        assertThat(request.toString()).isEqualTo("TestRequest[GET /sites/s%201]");
    }

    // ---- base URL ----------------------------------------------------------------------------------

    @Test
    void baseUrlIsChecked() {
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl is missing");
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("analytics.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http or https URL");
        assertThatThrownBy(() -> ClientOptions.builder().baseUrl("https://user:pw-sekrit@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name or password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sekrit"));
        assertThatThrownBy(() -> ClientContext.create(Harness.PROVIDER, ClientOptions.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl is not set")
                .hasMessageContaining("Testy");
    }
}
