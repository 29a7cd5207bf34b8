/**
 * How a provider plugs into the server: {@link io.tally.mcp.provider.McpProvider} (found by
 * {@link java.util.ServiceLoader}, listed by {@link io.tally.mcp.provider.ProviderRegistry}), the
 * {@link io.tally.mcp.provider.ProviderConfig} it builds its module from, its demo backend, one-shot commands and
 * per-caller tool sets ({@link io.tally.mcp.provider.CallerModes}).
 */
@NullMarked
package io.tally.mcp.provider;

import org.jspecify.annotations.NullMarked;
