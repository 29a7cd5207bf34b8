package io.tally.mcp.tool;

import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Optional;

/**
 * What a tool handler knows about the call besides its arguments: the caller's token, taken from the MCP transport
 * context of this request (never from a static or thread-local shared across callers).
 */
public final class ToolContext {
    /** The transport-context key under which the HTTP layer stores the request's {@link CallerToken}. */
    public static final String CALLER_TOKEN_KEY = "io.tally.mcp.caller-token";

    private final CallerToken caller;

    private ToolContext(CallerToken caller) {
        this.caller = caller;
    }

    /** The context of a call, read from the SDK's transport context. */
    public static ToolContext from(McpTransportContext transportContext) {
        Object token = transportContext == null ? null : transportContext.get(CALLER_TOKEN_KEY);
        return new ToolContext(token instanceof CallerToken t ? t : null);
    }

    /** A context for a known caller (tests, stdio with a configured token). */
    public static ToolContext of(CallerToken caller) {
        return new ToolContext(caller);
    }

    /** The caller's token; empty over stdio, where the server's configured token is used. */
    public Optional<CallerToken> caller() {
        return Optional.ofNullable(caller);
    }

    /** A short, non-secret label of the caller for logs. */
    public String callerLabel() {
        return caller == null ? "server-token" : caller.shortHash();
    }
}
