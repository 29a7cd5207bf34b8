package io.tally.mcp.http;

/**
 * What {@link McpGuardFilter} reports, for metrics. Every method has a no-op default, so an implementation picks
 * what it records. Implementations must be thread-safe and quick: they run on request threads.
 */
public interface GuardListener {
    /** Reports nothing. */
    GuardListener NONE = new GuardListener() {};

    /**
     * A request was refused before it reached the MCP transport.
     *
     * @param reason a short, fixed label such as {@code parse_error}, {@code unauthorized}, {@code body_timeout}
     * @param status the HTTP status answered
     */
    default void rejected(String reason, int status) {}

    /**
     * A request was refused by a rate limit.
     *
     * @param limit {@code token}, {@code address} or {@code unverified}
     */
    default void rateLimited(String limit) {}

    /** A request body started to be read (asynchronously; no thread waits for it). */
    default void bodyReadStarted() {}

    /** A request body read ended: complete, too large, timed out or failed. Called once per start. */
    default void bodyReadFinished() {}

    /**
     * A {@code tools/call} finished.
     *
     * @param tool    the tool's name, or {@code unknown} for a name the server does not serve
     * @param outcome {@code ok}, {@code tool_error} (a result with {@code isError}) or {@code protocol_error}
     * @param nanos   how long the call took from its body's last byte to its answer
     */
    default void toolCall(String tool, String outcome, long nanos) {}
}
