package io.tally.alke;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.json.TallyJson;
import io.tally.testkit.ManualClock;
import io.tally.testkit.alke.AlkeDemo;
import io.tally.testkit.alke.FakeAlke;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response body is undocumented: rows are read from the fake's shape, from rows as arrays and from a
 * {@code data} wrapper; other shapes give no rows instead of failing, and the whole body is always kept.
 */
class AlkeReportShapesTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final AlkeReportRequest REQUEST = AlkeReportRequest.builder()
            .propertyId(AlkeDemo.SHOP_PROPERTY_ID)
            .dateFrom(LocalDate.of(2026, 3, 1)).dateTo(LocalDate.of(2026, 3, 2))
            .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS)
            .dimension(AlkeDimensions.DATE)
            .build();

    private AlkeReport answeredWith(String body) {
        wm.stubFor(post(urlEqualTo("/api/reports")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
        Alke alke = Alke.builder().baseUrl(wm.baseUrl()).serviceAccountToken(AlkeDemo.TOKEN).build();
        return alke.reports().run(REQUEST);
    }

    @Test
    void theFakesShapeRowObjectsUnderRows() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-10T12:00:00Z"));
        try (FakeAlke fake = FakeAlke.builder().clock(clock).start()) {
            Alke alke = Alke.builder().baseUrl(fake.baseUrl()).serviceAccountToken(AlkeDemo.TOKEN).build();
            AlkeReport report = alke.reports().run(REQUEST);

            assertThat(report.rowsRecognised()).isTrue();
            assertThat(report.rows()).hasSize(2);
            assertThat(report.rows().get(0).dimension("date")).contains("2026-03-01");
            assertThat(report.rows().get(1).dimension("date")).contains("2026-03-02");
            for (AlkeRow row : report.rows()) {
                assertThat(row.metrics().keySet()).containsExactly("pageviews", "visits");
                assertThat(row.metric("pageviews").get()).isPositive();
            }
            BigDecimal sum = report.rows().get(0).metric("pageviews").get()
                    .add(report.rows().get(1).metric("pageviews").get());
            assertThat(report.totals().flatMap(t -> t.metric("pageviews"))).contains(sum);
            assertThat(report.raw().path("rowCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void rowsAsArraysNamedByColumnsWithNumbersSentAsStrings() {
        AlkeReport report = answeredWith("{\"columns\":[{\"name\":\"date\"},{\"name\":\"pageviews\"},"
                + "{\"name\":\"visits\"}],\"rows\":[[\"2026-03-01\",\"120\",80],[\"2026-03-02\",\"95.5\",null]]}");

        assertThat(report.rows()).hasSize(2);
        AlkeRow first = report.rows().get(0);
        assertThat(first.dimensions()).isEqualTo(Map.of("date", "2026-03-01"));
        assertThat(first.metric("pageviews")).contains(new BigDecimal("120"));
        assertThat(first.metric("visits")).contains(new BigDecimal("80"));
        assertThat(report.rows().get(1).metric("pageviews")).contains(new BigDecimal("95.5"));
        assertThat(report.rows().get(1).metric("visits")).isEmpty();
        assertThat(report.rows().get(1).values()).containsEntry("visits", null);
    }

    @Test
    void rowsAsArraysWithoutColumnsFollowTheRequestedOrder() {
        AlkeReport report = answeredWith("{\"rows\":[[\"2026-03-01\",120,80]]}");
        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.dimension("date")).contains("2026-03-01");
            assertThat(row.metric("visits")).contains(new BigDecimal("80"));
        });
    }

    @Test
    void aDataWrapperAroundRowsOrAroundTheArray() {
        AlkeReport wrappedObject = answeredWith("{\"data\":{\"rows\":[{\"date\":\"2026-03-01\",\"pageviews\":\"7\","
                + "\"visits\":5,\"extra\":true}]},\"meta\":{\"sampled\":false}}");
        assertThat(wrappedObject.rows()).singleElement().satisfies(row -> {
            assertThat(row.metric("pageviews")).contains(new BigDecimal("7"));
            assertThat(row.values()).containsEntry("extra", true);
        });
        assertThat(wrappedObject.raw().path("meta").path("sampled").asBoolean(true)).isFalse();

        AlkeReport wrappedArray = answeredWith("{\"data\":[{\"dimensions\":{\"date\":\"2026-03-01\"},"
                + "\"metrics\":{\"pageviews\":3,\"visits\":\"2\"}}]}");
        assertThat(wrappedArray.rows()).singleElement().satisfies(row -> {
            assertThat(row.dimension("date")).contains("2026-03-01");
            assertThat(row.metric("visits")).contains(new BigDecimal("2"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"series\":{\"pageviews\":[1,2,3]}}",
            "{\"rows\":[1,2,3]}",
            "{\"rows\":[[\"2026-03-01\",1]]}",
            "\"report queued\"",
            ""
    })
    void otherShapesGiveNoRowsButKeepTheBody(String body) {
        AlkeReport report = answeredWith(body);
        assertThat(report.rows()).isEmpty();
        assertThat(report.rowsRecognised()).isFalse();
        assertThat(report.raw()).isEqualTo(body.isEmpty() ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                : TallyJson.readTreeOrNull(body));
    }

    @Test
    void aMetricThatIsNotANumberIsAbsentNotAFailure() {
        AlkeReport report = AlkeReport.of(REQUEST, TallyJson.readTreeOrNull(
                "[{\"date\":20260301,\"pageviews\":\"n/a\",\"visits\":{\"value\":3}}]"));
        AlkeRow row = report.rows().get(0);
        assertThat(row.dimension("date")).contains("20260301");
        assertThat(row.metrics()).isEmpty();
        assertThat(report.rows()).hasSize(1);
        assertThat(List.copyOf(row.values().keySet())).containsExactly("date", "pageviews", "visits");
    }
}
