/**
 * Operating the server: {@code /healthz}, {@code /readyz} and {@code /metrics} ({@link io.tally.mcp.ops.Operations},
 * {@link io.tally.mcp.ops.McpMetrics}), the graceful drain on shutdown ({@link io.tally.mcp.ops.Drain}), the
 * per-provider upstream budget shared fairly between callers ({@link io.tally.mcp.ops.UpstreamGate}) and the limit
 * flags ({@link io.tally.mcp.ops.GuardOptions}).
 */
@NullMarked
package io.tally.mcp.ops;

import org.jspecify.annotations.NullMarked;
