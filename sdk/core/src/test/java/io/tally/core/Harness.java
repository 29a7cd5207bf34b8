package io.tally.core;

import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ProviderInfo;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * What a transport test needs: a provider, a dedicated OkHttp client (so that connection-pool
 * counts belong to the test alone), a recording sleeper and a clock that stands still.
 */
final class Harness implements AutoCloseable {
    /** The fixed "now" of every transport test. */
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    static final ProviderInfo PROVIDER = ProviderInfo.builder("Testy").userAgentToken("testy").build();

    final MutableClock clock = new MutableClock(NOW);
    final RecordingSleeper sleeper = new RecordingSleeper();
    /** Every attempt that reached OkHttp, including those that never got a response. */
    final AtomicInteger attempts = new AtomicInteger();
    final OkHttpClient http = new OkHttpClient.Builder()
            .addInterceptor(chain -> {
                attempts.incrementAndGet();
                return chain.proceed(chain.request());
            })
            .build();

    /** Options pointing at {@code baseUrl} with the recording sleeper, fixed clock and own pool. */
    ClientOptions.Builder options(String baseUrl) {
        return ClientOptions.builder()
                .baseUrl(baseUrl)
                .credentials(Credentials.bearer("test-token"))
                .clock(clock)
                .sleeper(sleeper)
                .httpClient(http);
    }

    ClientContext context(String baseUrl) {
        return ClientContext.create(PROVIDER, options(baseUrl).build());
    }

    ClientContext context(ProviderInfo provider, ClientOptions.Builder options) {
        return ClientContext.create(provider, options.build());
    }

    /** Whether every connection in the pool is idle: nothing was left open by the requests so far. */
    boolean noConnectionInUse() {
        return http.connectionPool().connectionCount() == http.connectionPool().idleConnectionCount();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
