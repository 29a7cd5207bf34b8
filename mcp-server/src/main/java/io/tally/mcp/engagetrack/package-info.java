/**
 * EngageTrack's tools for the MCP server (served at {@code /mcp/engagetrack}): sites, stats with a comparison, top
 * pages, channels with revenue, sources/referrers/campaigns, funnel analysis, and the visitor tools, which return
 * personal data and can be left out by the operator ({@code ENGAGETRACK_MCP_VISITOR_TOOLS=off}). Read-only, with
 * the caller's own API key.
 */
@NullMarked
package io.tally.mcp.engagetrack;

import org.jspecify.annotations.NullMarked;
