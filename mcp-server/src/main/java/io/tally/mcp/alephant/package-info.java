/**
 * Alephant over MCP: the tools, modes and prompts of the official {@code @alephantai/mcp} server, served at
 * {@code /mcp/alephant} over Streamable HTTP and stdio, with structured output.
 */
@NullMarked
package io.tally.mcp.alephant;

import org.jspecify.annotations.NullMarked;
