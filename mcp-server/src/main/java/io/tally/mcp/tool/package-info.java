/**
 * The provider-neutral tool layer: how a provider module declares its tools, prompts and
 * resources ({@link io.tally.mcp.tool.ToolSpec}, {@link io.tally.mcp.tool.PromptSpec},
 * {@link io.tally.mcp.tool.ResourceSpec}), reads arguments against its input schema, limits rows
 * with an explicit truncation marker, and turns SDK exceptions into tool errors an assistant can act
 * on.
 */
@NullMarked
package io.tally.mcp.tool;

import org.jspecify.annotations.NullMarked;
