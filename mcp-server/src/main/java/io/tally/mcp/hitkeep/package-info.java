/**
 * HitKeep's tools, prompts and resources for the MCP server, mirroring HitKeep's own MCP tool names
 * and parameters and adding breakdowns, raw-hit search, goals, period comparison and a realtime
 * snapshot; read-only unless write tools are switched on.
 */
@NullMarked
package io.tally.mcp.hitkeep;

import org.jspecify.annotations.NullMarked;
