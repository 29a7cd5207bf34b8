package io.tally.mcp.provider;

import io.tally.mcp.tool.CallerCredentials;

/**
 * A provider's demo backend behind {@code --demo}: an in-process fake of the provider's API on a free loopback
 * port, with deterministic demo data. The MCP server reaches it only through the provider SDK, like a real
 * instance. Started only when {@code --demo} is given, closed when the server stops.
 */
public interface DemoBackend extends AutoCloseable {
    /** The fake's base URL, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl();

    /** What requests that bring no token act with: the demo token and any provider headers the demo needs. */
    CallerCredentials credentials();

    /** Stops the fake. */
    @Override
    void close();
}
