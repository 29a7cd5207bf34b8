package io.tally.mcp.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.RateLimitException;
import io.tally.core.RetryPolicy;
import io.tally.hitkeep.HitKeep;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import io.tally.testkit.server.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every provider's base client gets from the server: one retry, and no long wait on a rate-limit hint. */
class ProviderConfigTest {
    @Test
    void aLongRateLimitHintFailsTheCallAtOnceWithTheRetryTime() {
        try (FakeHitKeep fake = FakeHitKeep.start()) {
            ProviderConfig config = new ProviderConfig(fake.baseUrl(), null, ModuleOptions.defaults(), "tally-test");
            HitKeep client = config.configure(HitKeep.builder()).apiToken(HitKeepDemo.TOKEN).build();
            RetryPolicy policy = client.options().retryPolicy();
            assertThat(policy.maxRetries()).isEqualTo(ProviderConfig.MAX_RETRIES);
            assertThat(policy.maxRetryAfter()).isEqualTo(ProviderConfig.MAX_RETRY_WAIT);

            // a minute's hint: the call is not retried (no thread held for a minute); the tool can name the time
            fake.failNext(Fault.rateLimited(Duration.ofSeconds(60)));
            int before = fake.requests().size();
            assertThatThrownBy(() -> client.sites().list().execute()).isInstanceOfSatisfying(RateLimitException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)));
            assertThat(fake.requests().size() - before).isEqualTo(1);
        }
    }
}
