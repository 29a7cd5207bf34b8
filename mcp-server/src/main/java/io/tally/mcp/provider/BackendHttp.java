package io.tally.mcp.provider;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp client every provider's base client in the server derives from: one connection pool sized for the
 * server's callers. The SDK's own default keeps 5 idle connections, which suits one application but makes a server
 * with dozens of concurrent callers open (and TLS-handshake) a new backend connection for most calls.
 */
public final class BackendHttp {
    /** Idle backend connections kept by default: at least one per concurrent caller the server is sized for. */
    public static final int DEFAULT_MAX_IDLE = 64;
    /** How long an idle backend connection is kept: under the 60-75 s after which proxies commonly drop them. */
    private static final long KEEP_ALIVE_SECONDS = 30;

    private static volatile int maxIdle = DEFAULT_MAX_IDLE;
    private static volatile @Nullable OkHttpClient client;

    private BackendHttp() {}

    /**
     * Sets how many idle backend connections are kept; takes effect for clients made after this call (the server
     * calls it once, before building its modules).
     *
     * @throws IllegalArgumentException when {@code idle} is below 1
     */
    public static synchronized void configure(int idle) {
        if (idle < 1) {
            throw new IllegalArgumentException("backend pool size must be at least 1, got " + idle);
        }
        if (idle != maxIdle || client == null) {
            maxIdle = idle;
            client = null;
        }
    }

    /** How many idle backend connections the pool keeps. */
    public static int maxIdle() {
        return maxIdle;
    }

    /** The shared client, built on first use with the configured pool size. */
    public static OkHttpClient client() {
        OkHttpClient c = client;
        if (c == null) {
            synchronized (BackendHttp.class) {
                c = client;
                if (c == null) {
                    int idle = maxIdle;
                    Dispatcher dispatcher = new Dispatcher();
                    dispatcher.setMaxRequests(Math.max(64, idle));
                    dispatcher.setMaxRequestsPerHost(Math.max(64, idle));
                    c = new OkHttpClient.Builder()
                            .connectionPool(new ConnectionPool(idle, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                            .dispatcher(dispatcher)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }
}
