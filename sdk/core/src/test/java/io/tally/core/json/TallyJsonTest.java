package io.tally.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one Jackson setup: lenient reads, never-null collections, ISO dates, no nulls written. */
class TallyJsonTest {
    private final ObjectMapper mapper = TallyJson.mapper();

    record Site(String id, String name, List<String> domains, Map<String, Long> counts, Set<String> tags,
            Collection<String> owners, Instant createdAt, Optional<String> note) {}

    record SnakeSite(String siteName, List<String> topPages, Map<String, Integer> visitorsByCountry) {}

    static final class CreatorModel {
        final List<String> items;
        final Map<String, String> labels;

        @JsonCreator
        CreatorModel(@JsonProperty("items") List<String> items, @JsonProperty("labels") Map<String, String> labels) {
            this.items = items;
            this.labels = labels;
        }
    }

    static final class SetterModel {
        private List<String> items = new ArrayList<>();
        private Map<String, String> labels;

        public List<String> getItems() {
            return items;
        }

        public void setItems(List<String> items) {
            this.items = items;
        }

        public Map<String, String> getLabels() {
            return labels;
        }

        public void setLabels(Map<String, String> labels) {
            this.labels = labels;
        }
    }

    enum Plan {
        FREE, PRO, @JsonEnumDefaultValue
        UNKNOWN
    }

    record Account(Plan plan) {}

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        Site site = mapper.readValue("{\"id\":\"s1\",\"addedLater\":{\"deep\":[1,2]},\"another\":true}", Site.class);

        assertThat(site.id()).isEqualTo("s1");
    }

    @Test
    void nullCollectionsInARecordReadAsEmpty() throws Exception {
        Site site = mapper.readValue("{\"id\":\"s1\",\"domains\":null,\"counts\":null,\"tags\":null,\"owners\":null}",
                Site.class);

        assertThat(site.domains()).isNotNull().isEmpty();
        assertThat(site.counts()).isNotNull().isEmpty();
        assertThat(site.tags()).isNotNull().isEmpty();
        assertThat(site.owners()).isNotNull().isEmpty();
    }

    @Test
    void absentCollectionsInARecordReadAsEmpty() throws Exception {
        Site site = mapper.readValue("{\"id\":\"s1\"}", Site.class);

        assertThat(site.domains()).isNotNull().isEmpty();
        assertThat(site.counts()).isNotNull().isEmpty();
        assertThat(site.tags()).isNotNull().isEmpty();
        assertThat(site.owners()).isNotNull().isEmpty();
        assertThat(site.name()).isNull();
        assertThat(site.note()).isEmpty();
    }

    @Test
    void absentAndNullCollectionsReadAsEmptyThroughAnExplicitCreator() throws Exception {
        CreatorModel absent = mapper.readValue("{}", CreatorModel.class);
        CreatorModel nulls = mapper.readValue("{\"items\":null,\"labels\":null}", CreatorModel.class);

        assertThat(absent.items).isNotNull().isEmpty();
        assertThat(absent.labels).isNotNull().isEmpty();
        assertThat(nulls.items).isNotNull().isEmpty();
        assertThat(nulls.labels).isNotNull().isEmpty();
    }

    @Test
    void nullCollectionsThroughSettersReadAsEmpty() throws Exception {
        SetterModel model = mapper.readValue("{\"items\":null,\"labels\":null}", SetterModel.class);

        assertThat(model.getItems()).isNotNull().isEmpty();
        assertThat(model.getLabels()).isNotNull().isEmpty();
    }

    @Test
    void absentFieldsOfASetterBeanKeepTheirInitialValue() throws Exception {
        // no creator, no setter call: Jackson leaves the field alone, so models are records or
        // initialise their collections (documented limit of the "absent reads as empty" rule)
        SetterModel model = mapper.readValue("{}", SetterModel.class);

        assertThat(model.getItems()).isNotNull().isEmpty();
        assertThat(model.getLabels()).isNull();
    }

    @Test
    void snakeCaseMapperMapsNamesAndKeepsTheRules() throws Exception {
        ObjectMapper snake = TallyJson.snakeCaseMapper();
        SnakeSite site = snake.readValue("{\"site_name\":\"Shop\",\"visitors_by_country\":null}", SnakeSite.class);

        assertThat(site.siteName()).isEqualTo("Shop");
        assertThat(site.topPages()).isNotNull().isEmpty();
        assertThat(site.visitorsByCountry()).isNotNull().isEmpty();
        assertThat(snake.writeValueAsString(new SnakeSite("Shop", List.of("/"), null)))
                .isEqualTo("{\"site_name\":\"Shop\",\"top_pages\":[\"/\"]}");
        assertThat(snake).isNotSameAs(mapper);
    }

    @Test
    void javaTimeIsWrittenAsIsoStrings() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("at", Instant.parse("2026-03-10T12:00:00.250Z"));
        values.put("day", LocalDate.of(2026, 3, 10));
        values.put("local", OffsetDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneOffset.ofHours(2)));

        assertThat(mapper.writeValueAsString(values)).isEqualTo(
                "{\"at\":\"2026-03-10T12:00:00.250Z\",\"day\":\"2026-03-10\",\"local\":\"2026-03-10T09:00:00+02:00\"}");
    }

    @Test
    void javaTimeIsReadFromIsoStringsKeepingTheOffset() throws Exception {
        record Times(Instant at, OffsetDateTime local, LocalDate day) {}
        Times t = mapper.readValue(
                "{\"at\":\"2026-03-10T12:00:00Z\",\"local\":\"2026-03-10T09:00:00+02:00\",\"day\":\"2026-03-10\"}",
                Times.class);

        assertThat(t.at()).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
        assertThat(t.local().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(t.day()).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void nullsAreLeftOut() throws Exception {
        Site site = new Site("s1", null, List.of(), null, null, null, null, Optional.empty());

        JsonNode written = mapper.readTree(mapper.writeValueAsString(site));

        assertThat(written.has("name")).isFalse();
        assertThat(written.has("counts")).isFalse();
        assertThat(written.has("createdAt")).isFalse();
        assertThat(written.path("domains").isArray()).isTrue();
        assertThat(written.toString()).doesNotContain("null");
    }

    @Test
    void unknownEnumValuesReadAsTheDefaultAndCaseDoesNotMatter() throws Exception {
        assertThat(mapper.readValue("{\"plan\":\"ENTERPRISE\"}", Account.class).plan()).isEqualTo(Plan.UNKNOWN);
        assertThat(mapper.readValue("{\"plan\":\"pro\"}", Account.class).plan()).isEqualTo(Plan.PRO);
    }

    @Test
    void readTreeOrNullNeverThrows() {
        assertThat(TallyJson.readTreeOrNull("{\"a\":1}").path("a").asInt()).isEqualTo(1);
        assertThat(TallyJson.readTreeOrNull("Access denied")).isNull();
        assertThat(TallyJson.readTreeOrNull("{broken")).isNull();
    }

    @Test
    void newMapperIsAFreshCopyOfTheSameRules() throws Exception {
        ObjectMapper fresh = TallyJson.newMapper(false);

        assertThat(fresh).isNotSameAs(TallyJson.mapper());
        assertThat(fresh.readValue("{\"id\":\"x\",\"zzz\":1}", Site.class).domains()).isEmpty();
    }
}
