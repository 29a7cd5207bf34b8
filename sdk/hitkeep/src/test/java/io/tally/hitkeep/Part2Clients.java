package io.tally.hitkeep;

import io.tally.core.RetryPolicy;
import io.tally.testkit.RecordingSleeper;

/** Clients for the part-2 behaviour tests: loopback base URL, no real sleeping. */
final class Part2Clients {
    static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String SITE = "5f0c8a52-3c1e-4c1b-9d0e-6f1a2b3c4d5e";
    static final String TEAM = "0b7e3f9a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    /** Records the waits the client asks for; never sleeps. */
    final RecordingSleeper sleeper = new RecordingSleeper();

    HitKeep tokenClient(String baseUrl) {
        return HitKeep.builder()
                .baseUrl(baseUrl)
                .apiToken(TOKEN)
                .options(o -> o.sleeper(sleeper))
                .retryPolicy(RetryPolicy.defaults())
                .build();
    }

    HitKeep noRetries(String baseUrl) {
        return HitKeep.builder().baseUrl(baseUrl).apiToken(TOKEN).retryPolicy(RetryPolicy.none()).build();
    }
}
