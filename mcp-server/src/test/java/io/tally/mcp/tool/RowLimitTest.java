package io.tally.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowLimitTest {
    @Test
    void defaultsCapsAndTreatsNonPositiveAsDefault() {
        RowLimit.Rule ranked = new RowLimit.Rule(10, 50);
        assertThat(ranked.read(Arguments.of(Map.of())).value()).isEqualTo(10);
        assertThat(ranked.read(Arguments.of(Map.of("limit", 0))).value()).isEqualTo(10);
        assertThat(ranked.read(Arguments.of(Map.of("limit", -5))).value()).isEqualTo(10);
        assertThat(ranked.read(Arguments.of(Map.of("limit", 500))).value()).isEqualTo(50);
        assertThat(ranked.read(Arguments.of(Map.of("limit", "7"))).value()).isEqualTo(7);
        assertThat(RowLimit.from(Arguments.of(Map.of("limit", 150)), 50, 200).value()).isEqualTo(150);
    }

    @Test
    void aRuleDescribesItselfAndRefusesADefaultAboveItsCap() {
        assertThat(new RowLimit.Rule(25, 100).schema().build().get("description").toString())
                .contains("default 25", "at most 100");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RowLimit.Rule(60, 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultValue");
    }

    @Test
    void marksCutListsWithTheirFullSize() {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean cut = new RowLimit(2, 50).putRows(out, "rows", List.of("a", "b", "c"));
        assertThat(cut).isTrue();
        assertThat(out).containsEntry("rows", List.of("a", "b")).containsEntry("truncated", true)
                .containsEntry("total_rows", 3);

        Map<String, Object> whole = new LinkedHashMap<>();
        new RowLimit(5, 50).putRows(whole, "rows", List.of("a"));
        assertThat(whole).containsEntry("truncated", false).containsEntry("total_rows", 1);
    }

    @Test
    void recordsEachCutListOfSeveral() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> truncated = new LinkedHashMap<>();
        RowLimit limit = new RowLimit(1, 50);
        limit.putList(out, "top_pages", List.of(1, 2, 3), truncated);
        limit.putList(out, "top_referrers", List.of(1), truncated);
        assertThat(truncated).containsOnly(Map.entry("top_pages", 3));
        assertThat(out).containsEntry("top_pages", List.of(1)).containsEntry("top_referrers", List.of(1));
    }
}
