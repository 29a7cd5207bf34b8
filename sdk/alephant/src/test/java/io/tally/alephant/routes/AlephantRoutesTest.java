package io.tally.alephant.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.tally.alephant.Alephant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@link RouteCatalog} against WireMock: the SaaS and Cockpit routes on one server,
 * the Analytics API on another (two base URLs). Each checks the method, path, query, credentials
 * (Bearer PAT/JWT with {@code X-Workspace-Id}, a bare {@code vk-} bearer, nothing on public
 * routes), the JSON body of writes, and what the SDK parses from the answer.
 */
class AlephantRoutesTest {
    static final String PAT = "pat_wsa3f8c2_routes";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.routes.sig";
    static final String VK = "vk-routes-key";

    private static WireMockServer saas;
    private static WireMockServer analytics;

    @BeforeAll
    static void start() {
        saas = new WireMockServer(options().dynamicPort());
        analytics = new WireMockServer(options().dynamicPort());
        saas.start();
        analytics.start();
    }

    @AfterAll
    static void stop() {
        saas.stop();
        analytics.stop();
    }

    static Alephant client(RouteCase.Who who, String saasUrl, String analyticsUrl) {
        Alephant.Builder b = Alephant.builder().baseUrl(saasUrl).analyticsBaseUrl(analyticsUrl).maxRetries(0);
        switch (who) {
            case PAT:
                return b.pat(PAT).workspaceId(RouteCatalog.WS).build();
            case JWT:
                return b.jwt(JWT).workspaceId(RouteCatalog.WS).build();
            case VK:
                return b.virtualKey(VK).build();
            default:
                return b.build();
        }
    }

    @TestFactory
    List<DynamicTest> everyRouteSendsTheRightRequestAndParsesTheAnswer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RouteCase c : RouteCatalog.all()) {
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> run(c)));
        }
        return tests;
    }

    private static void run(RouteCase c) {
        WireMockServer server = c.analyticsHost() ? analytics : saas;
        WireMockServer other = c.analyticsHost() ? saas : analytics;
        server.resetAll();
        other.resetAll();
        MappingBuilder stub = request(c.method, urlEqualTo(c.url));
        RequestPatternBuilder expected = requestedFor(c.method, urlEqualTo(c.url));
        switch (c.who) {
            case PAT:
            case JWT:
                String token = c.who == RouteCase.Who.PAT ? PAT : JWT;
                stub.withHeader("Authorization", equalTo("Bearer " + token)).withHeader("X-Workspace-Id",
                        equalTo(RouteCatalog.WS));
                expected.withHeader("Authorization", equalTo("Bearer " + token)).withHeader("X-Workspace-Id",
                        equalTo(RouteCatalog.WS));
                break;
            case VK:
                stub.withHeader("Authorization", equalTo("Bearer " + VK)).withHeader("X-Workspace-Id", absent());
                expected.withHeader("Authorization", equalTo("Bearer " + VK)).withHeader("X-Workspace-Id", absent());
                break;
            default:
                stub.withHeader("Authorization", absent());
                expected.withHeader("Authorization", absent());
        }
        if (c.requestBody != null) {
            stub.withRequestBody(equalToJson(c.requestBody));
            expected.withRequestBody(equalToJson(c.requestBody));
        }
        int status = c.responseBody.isEmpty() ? 204 : 200;
        server.stubFor(stub.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(c.responseBody)));

        Object result = c.call.apply(client(c.who, saas.baseUrl(), analytics.baseUrl()));

        server.verify(1, expected);
        assertThat(other.getAllServeEvents()).as("nothing sent to the other host").isEmpty();
        c.check.accept(result);
    }
}
