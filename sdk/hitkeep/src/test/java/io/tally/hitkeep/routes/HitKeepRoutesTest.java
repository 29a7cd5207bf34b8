package io.tally.hitkeep.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.spi.ApiRequest;
import io.tally.core.RetryPolicy;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.HitKeepSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@link RouteCase}: the SDK sends the request to WireMock, which checks method, path, query,
 * headers and body, and answers with a realistic response that must parse.
 */
class HitKeepRoutesTest {
    static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
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
        ResponseDefinitionBuilder response = aResponse().withStatus(c.status).withBody(c.responseBody);
        if (!c.responseBody.isEmpty()) {
            response.withHeader("Content-Type", c.responseContentType);
        }
        c.responseHeaders.forEach(response::withHeader);
        wm.stubFor(any(anyUrl()).willReturn(response));

        HitKeep client = HitKeep.builder()
                .baseUrl(wm.baseUrl())
                .apiToken(TOKEN)
                .retryPolicy(RetryPolicy.none())
                .build();
        if (c.session) {
            client = client.withSession(HitKeepSession.of(SESSION_JWT, null));
        }
        ApiRequest<?, ?> request = c.request.apply(client);
        assertThat(request.method()).as("method of %s", c).isEqualTo(c.method);
        assertThat(request.pathTemplate()).as("route of %s", c).isEqualTo(c.route);

        Object result = request.execute();

        List<LoggedRequest> received = wm
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(received).as("requests sent for %s", c).hasSize(1);
        LoggedRequest sent = received.get(0);
        assertThat(sent.getMethod().value()).isEqualTo(c.method);
        URI uri = URI.create(sent.getUrl());
        assertThat(uri.getRawPath()).as("path of %s", c).isEqualTo(c.expectedPath);
        assertThat(queryOf(sent)).as("query of %s", c).isEqualTo(c.expectedQuery);
        c.expectedHeaders.forEach(
                (name, value) -> assertThat(sent.getHeader(name)).as("header %s of %s", name, c).isEqualTo(value));
        if (c.noCredentials) {
            assertThat(sent.containsHeader("Authorization")).as("no Authorization on %s", c).isFalse();
            assertThat(sent.containsHeader("X-API-Key")).as("no X-API-Key on %s", c).isFalse();
            assertThat(sent.containsHeader("Cookie")).as("no Cookie on %s", c).isFalse();
        } else if (c.session) {
            assertThat(sent.getHeader("Cookie")).as("session cookie on %s", c).contains("hk_token=" + SESSION_JWT);
        } else {
            assertThat(sent.getHeader("Authorization")).as("token on %s", c).isEqualTo("Bearer " + TOKEN);
        }
        boolean unsafe = !c.method.equals("GET");
        boolean exempt = c.route.startsWith("/api/ingest/server/") || c.route.equals("/api/sites/{id}/ingest/ai-fetch")
                || !c.route.startsWith("/api/");
        if (unsafe && !exempt) {
            assertThat(sent.getHeader("Origin")).as("Origin on %s", c).isEqualTo(originOf(wm.baseUrl()));
        }
        String body = new String(sent.getBody(), StandardCharsets.UTF_8);
        if (c.expectedJsonBody != null) {
            ObjectMapper m = new ObjectMapper();
            JsonNode expected = m.readTree(c.expectedJsonBody);
            JsonNode actual = body.isEmpty() ? null : m.readTree(body);
            assertThat(actual).as("JSON body of %s", c).isEqualTo(expected);
        } else if (c.expectedBodyContains != null) {
            assertThat(body).as("body of %s", c).contains(c.expectedBodyContains);
        } else {
            assertThat(body).as("body of %s (none expected)", c).isEmpty();
        }
        c.check.accept(result);
    }

    private static Map<String, List<String>> queryOf(LoggedRequest sent) {
        HttpUrl url = HttpUrl.get("http://x" + sent.getUrl());
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            query.computeIfAbsent(url.queryParameterName(i), k -> new ArrayList<>()).add(url.queryParameterValue(i));
        }
        return query;
    }

    private static String originOf(String baseUrl) {
        HttpUrl u = HttpUrl.get(baseUrl);
        return u.scheme() + "://" + u.host() + ":" + u.port();
    }
}
