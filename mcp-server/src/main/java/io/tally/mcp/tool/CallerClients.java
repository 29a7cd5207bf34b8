package io.tally.mcp.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The provider SDK client of each tool call: the base client with the caller's credentials (a view that shares the
 * base client's connection pool), or the base client itself when it carries server-side credentials and the call
 * brings none (stdio). The views of the {@value #CACHED_CALLERS} callers seen last are kept (an assistant makes many
 * calls with one token; a view costs a copy of the client's options per call), the least recently used one dropped
 * beyond that; a view holds no connection of its own.
 *
 * @param <C> the provider's client type
 */
public final class CallerClients<C> {
    /** How many callers' clients are kept for their next calls. */
    public static final int CACHED_CALLERS = 256;

    private final C base;
    private final boolean baseHasCredentials;
    private final BiFunction<C, CallerCredentials, C> forCaller;
    private final String missingCredentials;
    private final List<CallerHeader> headers;
    private final Map<CallerCredentials, C> recent;

    /**
     * @param displayName        the provider's display name, for the error text
     * @param tokenVariable      the environment variable of the server-side token, for the error text
     * @param headers            the provider headers a caller must send (those marked required are checked)
     * @param base               the client without a caller
     * @param baseHasCredentials whether {@code base} carries server-side credentials
     * @param forCaller          derives the client of one caller from {@code base}
     */
    public CallerClients(String displayName, String tokenVariable, List<CallerHeader> headers, C base,
            boolean baseHasCredentials, BiFunction<C, CallerCredentials, C> forCaller) {
        this.base = Objects.requireNonNull(base, "base");
        this.baseHasCredentials = baseHasCredentials;
        this.forCaller = Objects.requireNonNull(forCaller, "forCaller");
        this.headers = List.copyOf(headers);
        this.recent = boundedCache(CACHED_CALLERS);
        this.missingCredentials = "No " + displayName + " API token for this call: send 'Authorization: Bearer <"
                + displayName + " API token>' (HTTP) or set " + tokenVariable + " (stdio).";
    }

    /** The client without a caller. */
    public C base() {
        return base;
    }

    /**
     * The client for one call.
     *
     * @throws ToolFailure when the call has no credentials and the base client has none either, or a required
     *                     provider header is missing
     */
    public C forCall(ToolContext context) {
        if (context.caller().isPresent()) {
            CallerCredentials caller = context.caller().get();
            for (CallerHeader h : headers) {
                if (h.required() && caller.header(h.name()).isEmpty()) {
                    throw new ToolFailure("No " + h.name() + " header for this call: send " + h.description()
                            + " as '" + h.name() + ": <value>' with each request.");
                }
            }
            synchronized (recent) {
                C client = recent.get(caller);
                if (client != null) {
                    return client;
                }
            }
            // made outside the lock: two first calls of one caller may both make one, and either is right
            C client = forCaller.apply(base, caller);
            synchronized (recent) {
                recent.put(caller, client);
            }
            return client;
        }
        if (baseHasCredentials) {
            return base;
        }
        throw new ToolFailure(missingCredentials);
    }

    /** How many callers' clients are kept now (at most {@link #CACHED_CALLERS}). */
    int cachedCallers() {
        synchronized (recent) {
            return recent.size();
        }
    }

    private static <K, V> Map<K, V> boundedCache(int capacity) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
