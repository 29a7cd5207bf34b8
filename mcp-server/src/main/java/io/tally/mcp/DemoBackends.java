package io.tally.mcp;

import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.McpProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-process fake providers behind {@code --demo}, one per served provider, each started by its registration
 * ({@link McpProvider#startDemo()}) only when {@code --demo} is given: a real HTTP server on a free loopback port
 * with deterministic demo data, so a newcomer can connect an MCP client with no account and no token. The MCP
 * server still reaches them only through the provider SDKs, like a real instance.
 */
final class DemoBackends implements AutoCloseable {
    private final Map<String, DemoBackend> byProvider;

    private DemoBackends(Map<String, DemoBackend> byProvider) {
        this.byProvider = byProvider;
    }

    /** Starts the demo backend of every given provider; stops those already started when one fails. */
    static DemoBackends start(List<McpProvider> providers) {
        Map<String, DemoBackend> started = new LinkedHashMap<>();
        try {
            for (McpProvider p : providers) {
                started.put(p.name(), p.startDemo());
            }
        } catch (RuntimeException e) {
            new DemoBackends(started).close();
            throw e;
        }
        return new DemoBackends(Collections.unmodifiableMap(started));
    }

    /** The demo backend of a provider. */
    DemoBackend of(String provider) {
        DemoBackend b = byProvider.get(provider);
        if (b == null) {
            throw new IllegalArgumentException("no demo backend for provider '" + provider + "'");
        }
        return b;
    }

    /** The providers with a demo backend, and where each one listens. */
    Map<String, String> baseUrls() {
        Map<String, String> out = new LinkedHashMap<>();
        byProvider.forEach((name, b) -> out.put(name, b.baseUrl()));
        return out;
    }

    @Override
    public void close() {
        List<DemoBackend> all = new ArrayList<>(byProvider.values());
        Collections.reverse(all);
        for (DemoBackend b : all) {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // stopping anyway
            }
        }
    }
}
