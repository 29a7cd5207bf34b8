package io.tally.core.internal;

import io.tally.core.Tally;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** The OkHttp client and async pool that Tally clients share unless given their own. */
public final class SharedHttp {
    private SharedHttp() {}

    private static final class Holder {
        /*
         * Idle connections are kept 30 s rather than OkHttp's 5 min: proxies and load balancers commonly
         * close idle connections after 60–75 s. A request that still meets such a stale connection is resent
         * once on a new one (Transport), but each such failure costs a round trip.
         */
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, 30, TimeUnit.SECONDS))
                .build();
        static final ExecutorService ASYNC = newAsyncPool();
    }

    /** The OkHttp client every Tally client derives its own from, unless given one. */
    public static OkHttpClient client() {
        return Holder.CLIENT;
    }

    /** The daemon pool {@code executeAsync()} runs on unless a client names its own executor. */
    public static Executor asyncExecutor() {
        return Holder.ASYNC;
    }

    private static ExecutorService newAsyncPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<Runnable>(),
                r -> {
                    Thread t = new Thread(r, "tally-async-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // past 64 concurrent calls, the caller's thread runs the request rather than failing it
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        return pool;
    }
}
