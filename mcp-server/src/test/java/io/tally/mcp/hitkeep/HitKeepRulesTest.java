package io.tally.mcp.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HitKeep's own MCP server's numbers, now HitKeep's rules instead of the generic tool package's. */
class HitKeepRulesTest {
    @Test
    void windowsDefaultToThirtyDaysAndRespectTheServersLongestWindow() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-25T10:00:00Z"), ZoneOffset.UTC);
        DateWindow w = HitKeepRules.window(366).resolve(Arguments.of(Map.of()), clock);
        assertThat(w.fromText()).isEqualTo("2026-05-26T10:00:00Z");
        assertThat(HitKeepRules.window(90).maxDays()).isEqualTo(90);
    }

    @Test
    void rankedListsEnumerationsAndHitSearchHaveHitKeepsLimits() {
        Arguments huge = Arguments.of(Map.of("limit", 10_000));
        Arguments none = Arguments.of(Map.of());
        assertThat(HitKeepRules.RANKED.read(none).value()).isEqualTo(10);
        assertThat(HitKeepRules.RANKED.read(huge).value()).isEqualTo(50);
        assertThat(HitKeepRules.ENUMERATION.read(none).value()).isEqualTo(50);
        assertThat(HitKeepRules.ENUMERATION.read(huge).value()).isEqualTo(200);
        assertThat(HitKeepRules.HITS.read(none).value()).isEqualTo(10);
        assertThat(HitKeepRules.HITS.read(huge).value()).isEqualTo(100);
    }
}
