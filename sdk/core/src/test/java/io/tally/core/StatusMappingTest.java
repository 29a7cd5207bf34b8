package io.tally.core;

import io.tally.core.spi.ApiExceptions;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ErrorContext;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ProviderInfo;
import io.tally.core.spi.ResponseEnvelope;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.json.TallyJson;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each failed status becomes the right exception, with the server's words decoded and the request id. */
class StatusMappingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/sites/{id}/stats";

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private ClientContext context(ProviderInfo provider) {
        return harness.context(provider, harness.options(wm.baseUrl()).retryPolicy(RetryPolicy.none()));
    }

    private TestRequest<String> get() {
        return TestRequest.text(context(Harness.PROVIDER), "GET", PATH, "site-1");
    }

    private static void stub(ResponseDefinitionBuilder response) {
        wm.stubFor(any(urlEqualTo("/api/sites/site-1/stats")).willReturn(response));
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(402, PaymentRequiredException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(422, UnprocessableEntityException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, ServerException.class),
                Arguments.of(503, ServerException.class),
                Arguments.of(418, UnexpectedStatusException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void statusBecomesItsException(int status, Class<? extends ApiException> type) {
        stub(aResponse().withStatus(status).withHeader("Content-Type", "text/plain")
                .withHeader("X-Request-Id", "req_" + status)
                .withHeader("Set-Cookie", "session=server-issued-cookie; HttpOnly")
                .withBody("Something specific went wrong\nstack trace line that should not be in the message"));

        for (Mode mode : Mode.values()) {
            assertThatThrownBy(() -> mode.run(get()))
                    .isExactlyInstanceOf(type)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(status);
                        assertThat(e.getMessage())
                                .startsWith("Testy GET /api/sites/site-1/stats failed with " + status
                                        + ": Something specific went wrong")
                                .doesNotContain("stack trace line")
                                .endsWith("(request id req_" + status + ")");
                        assertThat(e.requestId()).contains("req_" + status);
                        assertThat(e.serverMessage()).contains("Something specific went wrong");
                        assertThat(e.errorCode()).isEmpty();
                        assertThat(e.body()).isEqualTo(
                                "Something specific went wrong\nstack trace line that should not be in the message");
                        assertThat(e.headers().first("x-request-id")).contains("req_" + status);
                        assertThat(e.headers().first("Content-Type")).contains("text/plain");
                        assertThat(e.headers().all("set-cookie")).containsExactly(HttpHeaders.REDACTED);
                        assertThat(e.headers().toString()).doesNotContain("server-issued-cookie");
                    });
        }
    }

    @Test
    void messagesGiveAHintForTheStatus() {
        stub(aResponse().withStatus(401));
        assertThatThrownBy(() -> get().execute()).hasMessage(
                "Testy GET /api/sites/site-1/stats failed with 401. Check that the credentials are set, current and"
                        + " of the kind this route accepts");
        stub(aResponse().withStatus(404));
        assertThatThrownBy(() -> get().execute()).hasMessageEndingWith(
                "Check the ids in the path and that these credentials can see the resource");
        stub(aResponse().withStatus(502));
        assertThatThrownBy(() -> get().execute()).hasMessageEndingWith("The server failed; try again later");
    }

    static Stream<Arguments> jsonShapes() {
        return Stream.of(
                Arguments.of("{\"message\":\"Range too long\",\"code\":\"range_too_long\"}", "Range too long",
                        "range_too_long"),
                Arguments.of("{\"error\":\"Invalid site id\"}", "Invalid site id", null),
                Arguments.of("{\"error\":{\"message\":\"Plan limit\",\"code\":\"plan_limit\"}}", "Plan limit",
                        "plan_limit"),
                Arguments.of("{\"error\":\"invalid_grant\",\"error_description\":\"Token expired\"}", "Token expired",
                        null),
                Arguments.of("{\"ok\":false,\"error_code\":\"environment-not-found\"}", null, "environment-not-found"),
                Arguments.of("{\"code\":40001,\"message\":\"Bad period\",\"data\":null}", "Bad period", null),
                Arguments.of("{\"message\":\"Both\",\"error_code\":\"wins\",\"code\":\"loses\"}", "Both", "wins"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonShapes")
    void standardDecoderReadsTheCommonJsonShapes(String body, String message, String errorCode) {
        stub(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody(body));

        assertThatThrownBy(() -> get().execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.serverMessage().orElse(null)).isEqualTo(message);
                    assertThat(e.errorCode().orElse(null)).isEqualTo(errorCode);
                    assertThat(e.body()).isEqualTo(body);
                    if (message != null) {
                        assertThat(e.getMessage()).contains("failed with 422: " + message);
                    }
                    if (errorCode != null) {
                        assertThat(e.getMessage()).contains("[" + errorCode + "]");
                    }
                });
    }

    @Test
    void jsonWithoutJsonContentTypeIsStillRead() {
        stub(aResponse().withStatus(400).withBody("{\"error\":\"bad filter\"}"));

        assertThatThrownBy(() -> get().execute())
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.serverMessage()).contains("bad filter"));
    }

    @Test
    void brokenJsonFallsBackToTheFirstLine() {
        stub(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("{not json"));

        assertThatThrownBy(() -> get().execute())
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.serverMessage()).contains("{not json"));
    }

    @Test
    void aThrowingDecoderDoesNotHideTheFailure() {
        ProviderInfo provider = ProviderInfo.builder("Testy").errorDecoder(response -> {
            throw new IllegalStateException("decoder bug");
        }).build();
        stub(aResponse().withStatus(409).withBody("conflict"));

        assertThatThrownBy(() -> TestRequest.text(context(provider), "GET", PATH, "site-1").execute())
                .isExactlyInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Testy GET /api/sites/site-1/stats failed with 409");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void customDecoderNamesTheMissingScope(Mode mode) {
        ProviderInfo provider = ProviderInfo.builder("Scoped")
                .requestIdHeaders("X-Trace")
                .errorDecoder(response -> {
                    JsonNode root = TallyJson.readTreeOrNull(response.body());
                    return ErrorDetails.builder()
                            .message(root.path("message").asText())
                            .missingScope(root.path("required_scope").asText(null))
                            .build();
                })
                .build();
        stub(aResponse().withStatus(403).withHeader("X-Trace", "trace-9")
                .withBody("{\"message\":\"Forbidden\",\"required_scope\":\"analytics:read\"}"));

        assertThatThrownBy(() -> mode.run(TestRequest.text(context(provider), "GET", PATH, "site-1")))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.missingScope()).contains("analytics:read");
                    assertThat(e.missingPermission()).isEmpty();
                    assertThat(e.requestId()).contains("trace-9");
                    assertThat(e.getMessage())
                            .isEqualTo("Scoped GET /api/sites/site-1/stats failed with 403: Forbidden."
                                    + " The credentials lack scope analytics:read; create a key with that scope"
                                    + " (request id trace-9)");
                });
    }

    @Test
    void customDecoderNamesTheMissingPermission() {
        ProviderInfo provider = ProviderInfo.builder("Roles")
                .errorDecoder(response -> ErrorDetails.builder().missingPermission("site.view").build())
                .build();
        stub(aResponse().withStatus(403));

        assertThatThrownBy(() -> TestRequest.text(context(provider), "GET", PATH, "site-1").execute())
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.missingPermission()).contains("site.view");
                    assertThat(e.getMessage()).contains("The credentials lack permission site.view");
                });
    }

    // ---- envelopes ---------------------------------------------------------------------------------

    private static final ProviderInfo ENVELOPED = ProviderInfo.builder("Enveloped")
            .envelope(ResponseEnvelope.successData()).build();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void successDataIsUnwrapped(Mode mode) {
        stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"data\":{\"visitors\":42}}"));

        JsonNode data = mode.run(TestRequest.json(context(ENVELOPED), "GET", PATH, "site-1"));

        assertThat(data.path("visitors").asInt()).isEqualTo(42);
        assertThat(data.has("success")).isFalse();
    }

    @Test
    void bareBodiesPassThroughTheSuccessDataEnvelope() {
        stub(aResponse().withStatus(200).withBody("[1,2,3]"));

        JsonNode data = TestRequest.json(context(ENVELOPED), "GET", PATH, "site-1").execute();

        assertThat(data.size()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void successFalseOnA200IsAnException(Mode mode) {
        String body = "{\"success\":false,\"error\":\"Date range exceeds plan\"}";
        stub(aResponse().withStatus(200).withHeader("X-Request-Id", "req_env").withBody(body));

        assertThatThrownBy(() -> mode.run(TestRequest.json(context(ENVELOPED), "GET", PATH, "site-1")))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("Date range exceeds plan");
                    assertThat(e.getMessage()).contains("Date range exceeds plan").contains("(request id req_env)");
                    assertThat(e.body()).isEqualTo(body);
                });
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                urlEqualTo("/api/sites/site-1/stats")));
    }

    @Test
    void unreadableSuccessBodyIsATallyExceptionWithTheRequestId() {
        stub(aResponse().withStatus(200).withHeader("X-Request-Id", "req_bad").withBody("{\"visitors\":"));

        assertThatThrownBy(() -> TestRequest.json(context(Harness.PROVIDER), "GET", PATH, "site-1").execute())
                .isExactlyInstanceOf(TallyException.class)
                .hasMessageContaining("could not read")
                .hasMessageContaining("(request id req_bad)");
    }

    @Test
    void rawResponseCarriesStatusHeadersAndRequestId() {
        stub(aResponse().withStatus(201).withHeader("X-Request-Id", "req_raw").withHeader("Set-Cookie", "a=b")
                .withBody("made"));

        RawResponse<String> raw = get().executeRaw();

        assertThat(raw.statusCode()).isEqualTo(201);
        assertThat(raw.value()).isEqualTo("made");
        assertThat(raw.requestId()).contains("req_raw");
        assertThat(raw.headers().first("set-cookie")).contains(HttpHeaders.REDACTED);
    }

    @Test
    void mapperChoosesTheTypeFromTheStatusAlone() {
        for (int status : new int[] {300, 304, 407, 451, 499, 599, 600}) {
            ApiException e = ApiExceptions.forStatus(new ErrorContext("P", "get", "/x", status, null, null, null,
                    null, null));
            Class<?> expected = status >= 500 && status < 600 ? ServerException.class : UnexpectedStatusException.class;
            assertThat(e).as("status %d", status).isExactlyInstanceOf(expected);
            assertThat(e.getMessage()).startsWith("P GET /x failed with " + status);
            assertThat(e.body()).isEmpty();
            assertThat(e.headers().names()).isEmpty();
        }
    }
}
