package io.tally.alke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.json.TallyJson;
import io.tally.testkit.alke.AlkeDemo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every route Alke documents (the project's {@code alke-routes.tsv}) is sent by the SDK with its documented method,
 * path and body fields, checked against WireMock.
 */
class AlkeRouteCoverageTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** One SDK call per documented route, by {@code METHOD path}. */
    private Map<String, Runnable> cases(Alke alke) {
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("POST /api/reports", () -> alke.reports().run(AlkeReportRequest.builder()
                .propertyId(AlkeDemo.SHOP_PROPERTY_ID)
                .dateFrom(LocalDate.of(2026, 3, 1)).dateTo(LocalDate.of(2026, 3, 15))
                .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS).dimension(AlkeDimensions.DATE)
                .build()));
        return cases;
    }

    @Test
    void everyDocumentedRouteIsSentWithItsDocumentedFields() throws IOException {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"rows\":[]}")));
        Alke alke = Alke.builder().baseUrl(wm.baseUrl()).serviceAccountToken(AlkeDemo.TOKEN).build();
        Map<String, Runnable> cases = cases(alke);
        List<String[]> routes = routes();
        TreeSet<String> missing = new TreeSet<>();
        int covered = 0;
        for (String[] route : routes) {
            String key = route[0] + " " + route[1];
            Runnable call = cases.get(key);
            if (call == null) {
                missing.add(key);
                continue;
            }
            wm.resetRequests();
            call.run();
            List<LoggedRequest> sent = wm
                    .findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).getMethod().getName()).isEqualTo(route[0]);
            assertThat(sent.get(0).getUrl()).isEqualTo(route[1]);
            List<String> fields = new ArrayList<>();
            TallyJson.readTreeOrNull(sent.get(0).getBodyAsString()).fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsAll(Arrays.asList(route[2].split(",")));
            covered++;
        }
        System.out.println("alke routes covered: " + covered + "/" + routes.size());
        assertThat(missing).as("documented routes without an SDK call").isEmpty();
        assertThat(cases.keySet()).as("cases for routes alke-routes.tsv does not list").hasSize(routes.size());
    }

    private static List<String[]> routes() throws IOException {
        List<String[]> routes = new ArrayList<>();
        try (InputStream in = AlkeRouteCoverageTest.class.getResourceAsStream("/alke-routes.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    routes.add(line.split("\t"));
                }
            }
        }
        assertThat(routes).isNotEmpty();
        return routes;
    }
}
