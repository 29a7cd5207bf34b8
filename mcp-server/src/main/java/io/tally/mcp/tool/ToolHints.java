package io.tally.mcp.tool;

/**
 * Annotations a tool's handler may add to the defaults of {@link ToolSpec#readOnly()} (read tools: read-only and
 * idempotent; write tools: neither): a write tool that is idempotent (setting a budget) or destructive (revoking a
 * key), as a provider's official server annotates it. A {@link ToolHandler} that also implements this interface is
 * described with these hints.
 */
public interface ToolHints {
    /** Whether calling the tool again with the same arguments has no further effect. */
    boolean idempotent();

    /** Whether the tool may destroy or irreversibly change data. */
    boolean destructive();
}
