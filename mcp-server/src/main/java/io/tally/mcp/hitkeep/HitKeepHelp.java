package io.tally.mcp.hitkeep;

import io.tally.mcp.tool.ToolSpec;
import java.util.List;

/** The texts of the {@code hitkeep://help/mcp} and {@code hitkeep://help/metrics} resources. */
final class HitKeepHelp {
    static final String HELP_URI = "hitkeep://help/mcp";
    static final String METRICS_URI = "hitkeep://help/metrics";

    private HitKeepHelp() {}

    /** Usage guidance, ending with the list of tools this server registered. */
    static String mcpHelp(List<ToolSpec> tools, boolean writesEnabled) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # HitKeep tools (Tally MCP server)

                These tools read a HitKeep instance's analytics through the Tally Java SDK, with the same tool names,
                parameters and outputs as HitKeep's own MCP server, plus a few it lacks (breakdowns, hit search, goals,
                period comparison, a realtime snapshot).

                ## Access
                - Every call uses the API token of the caller (`Authorization: Bearer <HitKeep API token>`), for that
                  call only. A token sees only the sites it holds an explicit grant for: call `hitkeep_list_sites`
                  first, then pass a `site_id` from it.
                - Reading needs `site.view` on the site (any site role). Ingest tools, when enabled, need
                  `site.manage_data` (owner or admin).
                - HitKeep 2.8.1 answers 401 to **team** API clients on user-bound routes (site stats, hits): use a
                  personal API client for overview, breakdown, comparison, realtime and hit search.
                - Failures come back as tool results with `isError: true` and a sentence saying what to do.

                ## Dates
                - `from` and `to` are RFC 3339 timestamps, e.g. `2026-06-01T00:00:00Z`.
                - Defaults: `to` = now (UTC), `from` = `to` minus 30 days (also when only `to` is given).
                - `to` must be after `from`; a window may span at most 366 days.
                - Every output echoes the effective `from`/`to` in UTC, whole seconds.

                ## Filters
                - `filters` is an array of `{type, value}`, AND-combined; both fields are required.
                - Types: path, hostname, referrer, referrer_host, device, country, city, provider, asn, browser,
                  language, utm_campaign, utm_content, utm_medium, utm_source, utm_term.
                - Values match HitKeep's normalised labels exactly, the same strings its top lists show:
                  `(Direct)` for no referrer, `(Unknown)` for a missing city/country/provider/asn, `(Unspecified)`
                  for a missing UTM value or language, `(Unknown Host)` for an empty hostname; `language` is the
                  primary subtag in lower case (`en`), `device` is the class derived from the viewport width.

                ## Row limits
                - `limit` defaults to 10 and is capped at 50 for ranked lists (100 for hit search, 200 for
                  enumerations such as sites, goals, funnels and event names). Larger values are capped, not refused.
                - A list that was cut says so: `"truncated": true` with `"total_rows"` (or `"truncated_lists"` naming
                  each cut list and its full size when a tool returns several lists).

                ## Not available here
                - HitKeep's documentation tools (`hitkeep_search_docs`, `hitkeep_get_doc`,
                  `hitkeep_get_api_reference`) are left out: they read hitkeep.com and need the internet, which this
                  server does not use. Read https://hitkeep.com/guides/ in a browser instead.
                - Raw exports, admin actions and session-only features (API clients, teams) are not exposed.
                """);
        sb.append(writesEnabled
                ? "- Write tools are **enabled** on this server (`--allow-writes`): ingest tools add pageviews and events.\n"
                : "- Write tools (server-side ingest) are disabled; the operator can enable them with `--allow-writes`.\n");
        sb.append("\n## Tools\n");
        for (ToolSpec t : tools) {
            String first = t.description();
            int dot = first.indexOf(". ");
            if (dot > 0) {
                first = first.substring(0, dot + 1);
            }
            sb.append("- `").append(t.name()).append("`").append(t.readOnly() ? "" : " (writes)").append(": ")
                    .append(first).append('\n');
        }
        sb.append("\nMetric definitions: ").append(METRICS_URI).append('\n');
        return sb.toString();
    }

    static final String METRICS = """
            # HitKeep metric definitions

            - **Pageviews** (`total_pageviews`, `pageviews`): page loads recorded by the tracker or by server-side
              ingest, including repeat views of the same page in one session.
            - **Unique sessions** (`unique_sessions`, `visitors`): distinct sessions in the window. HitKeep sets no
              cookies; a session is the tracker's per-tab session id (kept in sessionStorage) or the session id sent
              with server-side ingest. One person on two devices, or in two tabs, counts twice.
            - **Bounce rate** (`bounce_rate`): percentage (0-100) of sessions with a single pageview.
            - **Average session duration** (`avg_session_duration`): mean time in **seconds** between the first and
              the last hit of a session; single-page sessions count as 0.
            - **Pages per session** (`pages_per_session`): pageviews divided by unique sessions.
            - **Live visitors** (`live_visitors`): distinct sessions with a hit in the last five minutes.
            - **Top pages / landing pages / exit pages**: pageviews per normalised path; landing = first page of a
              session, exit = last page of a session.
            - **Top referrers**: sessions per normalised referrer group; `(Direct)` means no referrer.
            - **Devices, countries, cities, providers, ASNs, browsers, languages**: pageviews per label; missing
              values show as `(Unknown)` or `(Unspecified)`.
            - **UTM hits** (`utm_*_hits`, `top_utm_*`): hits that carried the UTM parameter, per value.
            - **Goal conversions** (`conversions`): sessions that reached the goal (a path or an event);
              `conversion_rate` = conversions / unique sessions * 100.
            - **Funnels**: visitors per step in order; `dropoff` = visitors lost after the step; conversion rate =
              visitors at the last step / visitors at the first step * 100.
            - **Ecommerce revenue** (`revenue`, in `currency`): sum of purchase events' values; `orders` = purchases;
              `average_order_value` = revenue / orders; `checkout_conversion_rate` = orders / checkout starts * 100.
            - **Web Vitals**: `p75` is the 75th percentile of samples (LCP, INP, FCP, TTFB in milliseconds; CLS
              unitless); `good`/`needs_improvement`/`poor` count samples per Google's thresholds; the rating is that
              of the p75.
            - **AI fetches** (`total_requests`, `top_assistants`): requests by known AI crawlers and assistants
              reported through AI-fetch ingest; `error_rate_4xx`/`error_rate_5xx` are percentages.
            - **AI-referred visits** (`ai_source_visits`, `top_ai_sources`): sessions whose referrer is an AI
              assistant (ChatGPT, Perplexity, ...); `ai_bot_hits` counts hits from AI bots.
            - **QR campaigns**: `open_count` = scans of the printed code; `pageviews`/`visitors` = traffic that
              arrived through it.
            - **Search Console**: clicks, impressions, CTR (clicks / impressions) and average position, imported
              from Google Search Console; the tools read imported data only.
            """;
}
