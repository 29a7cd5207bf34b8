package io.tally.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.json.TallyJson;
import org.junit.jupiter.api.Test;

/** FilterType and ExportFormat are open values like the model's: normalised, equal by value, bare JSON strings. */
class ClientOpenValuesTest {
    @Test
    void filterTypesAreNormalisedAndEqualByValue() throws Exception {
        assertThat(FilterType.of("  Country ")).isEqualTo(FilterType.COUNTRY).hasToString("country");
        assertThat(FilterType.of("ai_bot").value()).isEqualTo("ai_bot");
        assertThat(TallyJson.mapper().writeValueAsString(FilterType.PATH)).isEqualTo("\"path\"");
        assertThat(TallyJson.mapper().readValue("\"PATH\"", FilterType.class)).isEqualTo(FilterType.PATH);
        assertThatThrownBy(() -> FilterType.of("path:x")).hasMessageContaining("must not contain ':'");
        assertThatThrownBy(() -> FilterType.of(" ")).hasMessage("filter type must not be null or blank");
    }

    @Test
    void exportFormatsAreNormalisedAndEqualByValue() throws Exception {
        assertThat(ExportFormat.of("CSV")).isEqualTo(ExportFormat.CSV).isNotEqualTo(FilterType.of("csv"));
        assertThat(TallyJson.mapper().writeValueAsString(ExportFormat.NDJSON)).isEqualTo("\"ndjson\"");
        assertThatThrownBy(() -> ExportFormat.of(null))
                .hasMessage("format must not be null or blank (xlsx, csv, parquet, json or ndjson)");
    }
}
