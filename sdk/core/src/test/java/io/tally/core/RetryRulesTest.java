package io.tally.core;

import io.tally.core.spi.ClientContext;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which failures are retried, for which methods, how often: blocking and async alike. */
class RetryRulesTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/things";

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private ClientContext context() {
        return harness.context(wm.baseUrl());
    }

    private TestRequest<String> request(String method) {
        return TestRequest.text(context(), method, PATH);
    }

    private static void stubStatus(int status) {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody("nope")));
    }

    private static void stubFault(Fault fault) {
        wm.stubFor(any(urlEqualTo(PATH)).willReturn(aResponse().withFault(fault)));
    }

    private static RequestPatternBuilder requested(String method) {
        return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method), urlEqualTo(PATH));
    }

    private static Stream<Arguments> cross(List<?> first, List<?> second, List<?> third) {
        List<Arguments> all = new ArrayList<>();
        for (Object a : first) {
            for (Object b : second) {
                for (Object c : third) {
                    all.add(Arguments.of(a, b, c));
                }
            }
        }
        return all.stream();
    }

    private static Stream<Arguments> cross(List<?> first, List<?> second) {
        List<Arguments> all = new ArrayList<>();
        for (Object a : first) {
            for (Object b : second) {
                all.add(Arguments.of(a, b));
            }
        }
        return all.stream();
    }

    private static final List<Mode> MODES = List.of(Mode.values());
    private static final List<Integer> RETRYABLE_WHEN_IDEMPOTENT = List.of(408, 500, 502, 503, 504);
    private static final List<Fault> READ_FAULTS = List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE,
            Fault.MALFORMED_RESPONSE_CHUNK);

    // ---- 429 ---------------------------------------------------------------------------------------

    static Stream<Arguments> modesAndAllMethods() {
        return cross(MODES, List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndAllMethods")
    void tooManyRequestsIsRetriedForEveryMethod(Mode mode, String method) {
        stubStatus(429);

        assertThatThrownBy(() -> mode.run(request(method))).isInstanceOf(RateLimitException.class);

        wm.verify(3, requested(method));
        assertThat(harness.sleeper.waits()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void postSucceedsAfterTooManyRequests(Mode mode) {
        wm.stubFor(any(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("calm"));
        wm.stubFor(any(urlEqualTo(PATH)).inScenario("429").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("created")));

        assertThat(mode.run(request("POST"))).isEqualTo("created");

        wm.verify(2, requested("POST"));
        assertThat(harness.sleeper.waits()).hasSize(1);
    }

    // ---- 408 and 5xx -------------------------------------------------------------------------------

    static Stream<Arguments> idempotentCases() {
        return cross(MODES, List.of("GET", "PUT", "DELETE"), RETRYABLE_WHEN_IDEMPOTENT);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("idempotentCases")
    void serverFailuresAreRetriedForIdempotentMethods(Mode mode, String method, int status) {
        stubStatus(status);

        assertThatThrownBy(() -> mode.run(request(method)))
                .isInstanceOf(status == 408 ? UnexpectedStatusException.class : ServerException.class)
                .extracting(e -> ((ApiException) e).statusCode()).isEqualTo(status);

        wm.verify(3, requested(method));
        assertThat(harness.sleeper.waits()).hasSize(2);
    }

    static Stream<Arguments> nonIdempotentCases() {
        return cross(MODES, List.of("POST", "PATCH"), RETRYABLE_WHEN_IDEMPOTENT);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("nonIdempotentCases")
    void serverFailuresAreNotRetriedForPostWithoutIdempotencyKey(Mode mode, String method, int status) {
        stubStatus(status);

        assertThatThrownBy(() -> mode.run(request(method)))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).statusCode()).isEqualTo(status);

        wm.verify(1, requested(method));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    static Stream<Arguments> postWithKeyCases() {
        return cross(MODES, RETRYABLE_WHEN_IDEMPOTENT);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("postWithKeyCases")
    void serverFailuresAreRetriedForPostWithIdempotencyKey(Mode mode, int status) {
        stubStatus(status);

        assertThatThrownBy(() -> mode.run(request("POST").idempotencyKey("order-42-attempt")))
                .isInstanceOf(ApiException.class);

        wm.verify(3, requested("POST").withHeader("Idempotency-Key", equalTo("order-42-attempt")));
        wm.verify(3, requested("POST"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void getSucceedsAfterServiceUnavailable(Mode mode) {
        wm.stubFor(any(urlEqualTo(PATH)).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(any(urlEqualTo(PATH)).inScenario("503").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("fine")));

        assertThat(mode.run(request("GET"))).isEqualTo("fine");

        wm.verify(2, requested("GET"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void clientErrorsAreNeverRetried(Mode mode) {
        stubStatus(400);

        assertThatThrownBy(() -> mode.run(request("GET"))).isInstanceOf(BadRequestException.class);

        wm.verify(1, requested("GET"));
    }

    // ---- connection failures -----------------------------------------------------------------------

    static Stream<Arguments> modesAndWriteMethods() {
        return cross(MODES, List.of("GET", "POST"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndWriteMethods")
    void connectionRefusedIsRetriedEvenForPost(Mode mode, String method) throws IOException {
        String closed = "http://127.0.0.1:" + closedPort();
        TestRequest<String> request = TestRequest.text(harness.context(closed), method, PATH);

        assertThatThrownBy(() -> mode.run(request))
                .isExactlyInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("Testy " + method + " /things could not connect")
                .hasMessageContaining("check the base URL");

        assertThat(harness.attempts.get()).isEqualTo(3);
        assertThat(harness.sleeper.waits()).hasSize(2);
    }

    static Stream<Arguments> readFaultsIdempotent() {
        return cross(MODES, List.of("GET", "PUT", "DELETE"), READ_FAULTS);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("readFaultsIdempotent")
    void readFailuresAreRetriedForIdempotentMethods(Mode mode, String method, Fault fault) {
        stubFault(fault);

        assertThatThrownBy(() -> mode.run(request(method))).isExactlyInstanceOf(ApiConnectionException.class);

        wm.verify(3, requested(method));
        assertThat(harness.sleeper.waits()).hasSize(2);
    }

    static Stream<Arguments> readFaultsPost() {
        return cross(MODES, READ_FAULTS);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readFaultsPost")
    void readFailuresAreNotRetriedForPost(Mode mode, Fault fault) {
        stubFault(fault);

        assertThatThrownBy(() -> mode.run(request("POST"))).isExactlyInstanceOf(ApiConnectionException.class);

        wm.verify(1, requested("POST"));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readFaultsPost")
    void readFailuresAreRetriedForPostWithIdempotencyKey(Mode mode, Fault fault) {
        stubFault(fault);

        assertThatThrownBy(() -> mode.run(request("POST").idempotencyKey("k-1")))
                .isExactlyInstanceOf(ApiConnectionException.class);

        wm.verify(3, requested("POST").withHeader("Idempotency-Key", equalTo("k-1")));
    }

    // ---- how many times ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Mode.class)
    void clientMaxRetriesIsHonoured(Mode mode) {
        stubStatus(503);
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl()).maxRetries(4));

        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH))).isInstanceOf(ServerException.class);

        wm.verify(5, requested("GET"));
        assertThat(harness.sleeper.waits()).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void maxRetriesZeroOnTheRequestSendsOnce(Mode mode) {
        stubStatus(503);

        assertThatThrownBy(() -> mode.run(request("GET").maxRetries(0))).isInstanceOf(ServerException.class);

        wm.verify(1, requested("GET"));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void maxRetriesOnTheRequestOverridesTheClient(Mode mode) {
        stubStatus(429);
        ClientContext context = harness.context(Harness.PROVIDER, harness.options(wm.baseUrl()).maxRetries(5));

        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH).maxRetries(1)))
                .isInstanceOf(RateLimitException.class);

        wm.verify(2, requested("GET"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void retryPolicyNoneOnTheClientSendsOnce(Mode mode) {
        stubStatus(429);
        ClientContext context = harness.context(Harness.PROVIDER,
                harness.options(wm.baseUrl()).retryPolicy(RetryPolicy.none()));

        assertThatThrownBy(() -> mode.run(TestRequest.text(context, "GET", PATH)))
                .isInstanceOf(RateLimitException.class);

        wm.verify(1, requested("GET"));
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void retryPolicyNoneOnTheRequestSendsOnce(Mode mode) {
        stubFault(Fault.CONNECTION_RESET_BY_PEER);

        assertThatThrownBy(() -> mode.run(request("GET").retryPolicy(RetryPolicy.none())))
                .isInstanceOf(ApiConnectionException.class);

        wm.verify(1, requested("GET"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void requestOptionsAsAWholeCarryRetriesAndKey(Mode mode) {
        stubStatus(500);
        RequestOptions options = RequestOptions.builder().maxRetries(3).idempotencyKey("whole-options").build();

        assertThatThrownBy(() -> mode.run(request("POST").options(options))).isInstanceOf(ServerException.class);

        wm.verify(4, requested("POST").withHeader("Idempotency-Key", equalTo("whole-options")));
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
