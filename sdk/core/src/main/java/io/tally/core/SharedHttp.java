package io.tally.core;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/** The OkHttp client and async pool that Tally clients share unless given their own. */
final class SharedHttp {
    private SharedHttp() {}

    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient();
        static final ExecutorService ASYNC = newAsyncPool();
    }

    static OkHttpClient client() {
        return Holder.CLIENT;
    }

    static Executor asyncExecutor() {
        return Holder.ASYNC;
    }

    private static ExecutorService newAsyncPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<Runnable>(), r -> {
            Thread t = new Thread(r, "tally-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // past 64 concurrent calls, the caller's thread runs the request rather than failing it
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        return pool;
    }
}
