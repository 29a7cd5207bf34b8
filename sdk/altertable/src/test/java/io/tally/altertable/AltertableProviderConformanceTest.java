package io.tally.altertable;

import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.conformance.AbstractProviderConformanceTest;
import io.tally.testkit.conformance.ClientSetup;
import io.tally.testkit.conformance.ClientUnderTest;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeServer;
import java.time.Duration;

/**
 * The provider conformance suite for Altertable, against {@link FakeAltertable}. Altertable is an ingestion API: the
 * write is a tracked event delivered by {@link Altertable#flush()}, failures are reported in the flush result (this
 * test throws them, with the reported cause), there is no read call and no idempotency key, and a delivery that meets
 * a 5xx is retried on purpose (duplicates are preferred to losses).
 */
class AltertableProviderConformanceTest extends AbstractProviderConformanceTest {

    @Override
    protected FakeServer startServer(String credential) {
        return FakeAltertable.builder().apiKeys(credential).start().server();
    }

    @Override
    protected ClientUnderTest newClient(ClientSetup setup) {
        Altertable altertable = Altertable.builder()
                .apiKey(setup.credential())
                .baseUrl(setup.baseUrl())
                .clock(setup.clock())
                .sleeper(setup.sleeper())
                .retryPolicy(setup.retryPolicy())
                .flushAt(1000)
                .requestTimeout(Duration.ofSeconds(5))
                .closeTimeout(Duration.ofSeconds(5))
                .build();
        return new ClientUnderTest() {
            @Override
            public void get() {
                throw new UnsupportedOperationException("Altertable's ingestion API has no read call");
            }

            @Override
            public void post() {
                altertable.track("Conformance Event", "user-1");
                FlushResult result = altertable.flush();
                if (!result.isSuccess()) {
                    DeliveryFailure failure = result.failures().get(0);
                    throw new IllegalStateException(failure + ": " + failure.message(), failure.cause().orElse(null));
                }
            }

            @Override
            public void close() {
                altertable.close();
            }

            @Override
            public String toString() {
                return altertable.toString();
            }
        };
    }

    /** The client spec's error shape, {@code {"error":"<code>","message":…}}. */
    @Override
    protected ErrorBody errorBody(int status, String code, String message) {
        return ErrorBody.json("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    @Override
    protected boolean supportsGet() {
        return false;
    }

    @Override
    protected boolean retriesPostOnServerError() {
        return true;
    }

    @Override
    protected boolean supportsIdempotencyKeys() {
        return false;
    }
}
