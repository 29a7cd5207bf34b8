package io.tally.mcp.hitkeep;

import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.RowLimit;
import java.time.Duration;

/**
 * HitKeep's window and row-limit rules, the ones of HitKeep's own MCP server (reference §6.4): windows default to
 * the 30 days before {@code to} and span at most {@code --max-range-days} (366 by default,
 * {@code HITKEEP_MCP_MAX_RANGE_DAYS} there); ranked lists return 10 rows (at most 50), enumerations (sites, goals,
 * funnels, event names) 50 (at most 200), hit search 10 (at most 100).
 */
final class HitKeepRules {
    /** The span of a window whose {@code from} is not given. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    /** Ranked lists: top pages, referrers, countries… */
    static final RowLimit.Rule RANKED = new RowLimit.Rule(10, 50);
    /** Enumerations: sites, goals, funnels, event names. */
    static final RowLimit.Rule ENUMERATION = new RowLimit.Rule(50, 200);
    /** Hit search. */
    static final RowLimit.Rule HITS = new RowLimit.Rule(10, 100);

    private HitKeepRules() {}

    /** The window rules with the server's longest window. */
    static DateWindow.Rules window(int maxRangeDays) {
        return new DateWindow.Rules(DEFAULT_SPAN, maxRangeDays);
    }
}
