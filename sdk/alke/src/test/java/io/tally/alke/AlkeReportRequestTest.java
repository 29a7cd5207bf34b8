package io.tally.alke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.time.DateRange;
import io.tally.testkit.alke.AlkeDemo;
import io.tally.testkit.alke.FakeAlke;
import io.tally.testkit.alke.FakeAlkeExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the builder sends, and what it refuses before sending. */
class AlkeReportRequestTest {
    @RegisterExtension
    static final FakeAlkeExtension ALKE = new FakeAlkeExtension();

    private static AlkeReportRequest.Builder valid() {
        return AlkeReportRequest.builder()
                .propertyId(AlkeDemo.SHOP_PROPERTY_ID)
                .dateFrom(LocalDate.of(2026, 3, 1))
                .dateTo(LocalDate.of(2026, 3, 15))
                .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS);
    }

    @Test
    void theBodyHasTheDocumentedCamelCaseFieldsAndThePassedThroughOnes(FakeAlke fake) {
        Alke alke = Alke.builder().baseUrl(fake.baseUrl()).serviceAccountToken(AlkeDemo.TOKEN).build();
        AlkeReportRequest request = valid()
                .dimension(AlkeDimensions.DATE)
                .param("limit", 100)
                .param("filters", Map.of("country", List.of("FR", "DE")))
                .build();

        alke.reports().run(request);

        JsonNode body = fake.lastRequestBody();
        assertThat(fake.server().lastRequest().method()).isEqualTo("POST");
        assertThat(fake.server().lastRequest().path()).isEqualTo("/api/reports");
        assertThat(fake.server().lastRequest().header("Content-Type")).startsWith("application/json");
        assertThat(fake.server().lastRequest().header("Authorization")).isEqualTo("Bearer " + AlkeDemo.TOKEN);
        assertThat(body.toString()).isEqualTo("{\"propertyId\":\"6f1c2b9e-4a57-4a8e-9d0b-2f4c8e1a7b31\","
                + "\"dateFrom\":\"2026-03-01\",\"dateTo\":\"2026-03-15\",\"metrics\":[\"pageviews\",\"visits\"],"
                + "\"dimensions\":[\"date\"],\"limit\":100,\"filters\":{\"country\":[\"FR\",\"DE\"]}}");
    }

    @Test
    void freeNamesAreKeptInOrderWithoutRepeatsAndARangeGivesItsDays() {
        AlkeReportRequest r = AlkeReportRequest.builder()
                .propertyId(AlkeDemo.BLOG_PROPERTY_ID.toString())
                .range(DateRange.days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28), ZoneOffset.UTC))
                .metric("sessionsWithScroll").metric(AlkeMetrics.VISITS).metric("sessionsWithScroll")
                .dimensions("customDimension1", AlkeDimensions.DATE)
                .build();
        assertThat(r.metrics()).containsExactly("sessionsWithScroll", "visits");
        assertThat(r.dimensions()).containsExactly("customDimension1", "date");
        assertThat(r.dateFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(r.dateTo()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(r.toBuilder().param("limit", 5).build().params()).containsEntry("limit", 5);
        assertThat(r.params()).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> valid().propertyId((UUID) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AlkeReportRequest.builder().dateFrom(LocalDate.of(2026, 3, 1))
                .dateTo(LocalDate.of(2026, 3, 2)).metric("visits").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("propertyId is required");
        assertThatThrownBy(() -> valid().propertyId("site-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("propertyId must be a UUID");
        assertThatThrownBy(() -> valid().dateTo(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dateTo is required");
        assertThatThrownBy(() -> valid().dateFrom(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("dateFrom is required");
        assertThatThrownBy(() -> valid().dateFrom(LocalDate.of(2026, 3, 16)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dateTo (2026-03-15) must not be before dateFrom (2026-03-16)");
        assertThatThrownBy(() -> AlkeReportRequest.builder().propertyId(AlkeDemo.SHOP_PROPERTY_ID)
                .dateFrom(LocalDate.of(2026, 3, 1)).dateTo(LocalDate.of(2026, 3, 2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("metrics must name at least one");
        assertThatThrownBy(() -> valid().metric(" visits"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading or trailing whitespace");
        assertThatThrownBy(() -> valid().dimension(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("dimension must not be null or blank");
        assertThatThrownBy(() -> valid().param("metrics", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param name 'metrics' is a modelled field; use metrics(...) instead");
    }

    @Test
    void aSingleDayIsAValidWindowAndANullParamRemovesIt() {
        AlkeReportRequest r = valid().dateFrom(LocalDate.of(2026, 3, 15)).param("limit", 3).param("limit", null)
                .build();
        assertThat(r.dateFrom()).isEqualTo(r.dateTo());
        assertThat(r.params()).doesNotContainKey("limit");
    }
}
