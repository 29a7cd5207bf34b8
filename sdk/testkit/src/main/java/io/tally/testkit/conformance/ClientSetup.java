package io.tally.testkit.conformance;

import io.tally.core.RetryPolicy;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;

/**
 * What the conformance suite asks a provider's client to be built with: the fake's base URL, the canary credential,
 * a retry policy, and a {@link RecordingSleeper} so that no test waits for real.
 */
public final class ClientSetup {
    private final String baseUrl;
    private final String credential;
    private final RetryPolicy retryPolicy;
    private final RecordingSleeper sleeper;
    private final ManualClock clock;

    ClientSetup(String baseUrl, String credential, RetryPolicy retryPolicy, RecordingSleeper sleeper,
            ManualClock clock) {
        this.baseUrl = baseUrl;
        this.credential = credential;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The fake's base URL, e.g. {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The credential to configure (API token, API key): the suite's canary, which must never be shown. */
    public String credential() {
        return credential;
    }

    /** The retry policy to configure: no jitter, so the waits are exact. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The sleeper to configure: it records every wait and returns at once. */
    public RecordingSleeper sleeper() {
        return sleeper;
    }

    /** A clock to configure where the client takes one (it does not move by itself). */
    public ManualClock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ClientSetup[" + baseUrl + ", " + retryPolicy + "]";
    }
}
