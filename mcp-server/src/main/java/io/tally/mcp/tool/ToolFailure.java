package io.tally.mcp.tool;

/**
 * A tool call that cannot be answered, with a message written for the assistant: what went wrong and what to do
 * about it. Returned to the client as a tool result with {@code isError: true}, never as a protocol error, so the
 * assistant can read it and correct its call.
 */
public class ToolFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with the message the assistant will read. */
    public ToolFailure(String message) {
        super(message, null, false, false);
    }

    /** A failure with the message the assistant will read and the exception behind it (for logs). */
    public ToolFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
