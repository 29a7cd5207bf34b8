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

    /**
     * A demo backend of a started fake: its base URL, the credentials of requests that bring none, and how to stop it.
     *
     * @param baseUrl     the fake's base URL
     * @param credentials what requests without a token act with
     * @param stop        stops the fake (its {@code close})
     */
    static DemoBackend of(String baseUrl, CallerCredentials credentials, Runnable stop) {
        java.util.Objects.requireNonNull(baseUrl, "baseUrl");
        java.util.Objects.requireNonNull(credentials, "credentials");
        java.util.Objects.requireNonNull(stop, "stop");
        return new DemoBackend() {
            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public CallerCredentials credentials() {
                return credentials;
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }
}
