package io.tally.engagetrack.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.RetryPolicy;
import io.tally.core.spi.ApiRequest;
import io.tally.engagetrack.EngageTrack;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@link RouteCase}: the SDK sends the request to WireMock, which checks method, path, query,
 * credentials and body, and answers as EngageTrack does; the answer must parse.
 */
class EngageTrackRoutesTest {
    static final String API_KEY = "et_live_a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
    static final String SESSION_JWT = "eyJhbGciOiJIUzI1NiJ9.session.sig";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static Stream<RouteCase> cases() {
        return RouteCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sendsTheDocumentedRequestAndParsesTheResponse(RouteCase c) throws Exception {
        wm.resetAll();
        ResponseDefinitionBuilder response = aResponse().withStatus(c.status).withBody(c.responseBody)
                .withHeader("Content-Type", c.responseContentType);
        wm.stubFor(any(anyUrl()).willReturn(response));
        EngageTrack client = EngageTrack.builder().baseUrl(wm.baseUrl() + "/api/v1").apiKey(API_KEY)
                .organizationId(RouteCatalog.ORG).retryPolicy(RetryPolicy.none()).build();
        if (c.session) {
            client = client.withSessionToken(SESSION_JWT);
        }
        ApiRequest<?, ?> request = c.request.apply(client);
        assertThat(request.method()).as("method of %s", c).isEqualTo(c.method);
        assertThat(request.pathTemplate()).as("route of %s", c).isEqualTo(c.route);

        Object result = request.execute();

        List<LoggedRequest> received = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).as("requests sent for %s", c).hasSize(1);
        LoggedRequest sent = received.get(0);
        assertThat(sent.getMethod().value()).isEqualTo(c.method);
        URI uri = URI.create(sent.getUrl());
        assertThat(uri.getRawPath()).as("path of %s", c).isEqualTo("/api/v1" + c.expectedPath);
        assertThat(queryOf(uri.getRawQuery())).as("query of %s", c).isEqualTo(c.expectedQuery);
        if (c.noCredentials) {
            assertThat(sent.containsHeader("Authorization")).as("no Authorization on %s", c).isFalse();
        } else {
            assertThat(sent.getHeader("Authorization")).as("credentials of %s", c)
                    .isEqualTo("Bearer " + (c.session ? SESSION_JWT : API_KEY));
        }
        if (c.expectedJsonBody != null) {
            ObjectMapper mapper = new ObjectMapper();
            assertThat(mapper.readTree(sent.getBodyAsString())).as("body of %s", c)
                    .isEqualTo(mapper.readTree(c.expectedJsonBody));
            assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        } else {
            assertThat(sent.getBody()).as("body of %s", c).isEmpty();
        }
        c.check.accept(result);
    }

    static Map<String, List<String>> queryOf(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return q;
    }
}
