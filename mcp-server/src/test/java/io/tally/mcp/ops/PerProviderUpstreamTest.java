package io.tally.mcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.mcp.http.GuardSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Each provider's upstream has a budget of its own: one provider's burst must not delay another provider's callers.
 * The gates run on an injected clock; no call waits (queue 0: a call beyond the budget is refused at once).
 */
class PerProviderUpstreamTest {
    private final AtomicLong nanos = new AtomicLong();

    private GuardSettings guard(double perSecond, int burst) {
        return GuardSettings.defaults().withUpstream(perSecond, burst, 0, Duration.ofSeconds(5));
    }

    @Test
    void oneProvidersBurstLeavesAnotherProvidersBudgetWhole() throws Exception {
        Operations ops = Operations.create(guard(1, 2), nanos::get);
        UpstreamGate hitkeep = ops.upstreamGate("hitkeep");
        UpstreamGate alke = ops.upstreamGate("alke");
        assertThat(hitkeep).isNotSameAs(alke).isSameAs(ops.upstreamGate("hitkeep"));

        assertThat(hitkeep.acquire("token-a")).isZero();
        assertThat(hitkeep.acquire("token-b")).isZero();
        assertThat(hitkeep.acquire("token-c")).as("hitkeep's budget is used up").isPositive();

        // the same instant: alke's callers, even the token that just burst on hitkeep, pass at once
        assertThat(alke.acquire("token-a")).isZero();
        assertThat(alke.acquire("token-c")).isZero();
        assertThat(alke.acquire("token-c")).as("alke's own budget of 2 is used up now").isPositive();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(hitkeep.acquire("token-c")).as("one call refilled on hitkeep").isZero();
        assertThat(ops.upstreamGate()).as("calls naming no provider have a gate of their own")
                .isNotSameAs(hitkeep).isNotSameAs(alke);
        assertThat(ops.upstreamGate().acquire("token-a")).isZero();
    }

    @Test
    void aProviderWithABudgetOfItsOwnIsLimitedByItAndTheOthersByTheDefault() throws Exception {
        GuardSettings settings = guard(10, 5).withUpstreamFor("alke", 0.5, 1).withUpstreamFor("engagetrack", 2, 0);
        assertThat(settings.upstreamFor("alke")).isEqualTo(new GuardSettings.UpstreamBudget(0.5, 1));
        assertThat(settings.upstreamFor("engagetrack")).as("burst 0 means the default burst")
                .isEqualTo(new GuardSettings.UpstreamBudget(2, 5));
        assertThat(settings.upstreamFor("hitkeep")).isEqualTo(new GuardSettings.UpstreamBudget(10, 5));

        Operations ops = Operations.create(settings, nanos::get);
        UpstreamGate alke = ops.upstreamGate("alke");
        UpstreamGate hitkeep = ops.upstreamGate("hitkeep");
        assertThat(alke.acquire("t")).isZero();
        assertThat(alke.acquire("t")).as("alke: burst 1").isPositive();
        for (int i = 0; i < 5; i++) {
            assertThat(hitkeep.acquire("t")).as("hitkeep: the default burst of 5, call %d", i + 1).isZero();
        }
        assertThat(hitkeep.acquire("t")).isPositive();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(alke.acquire("t")).as("alke refills one call in 2 s, not 1").isPositive();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(alke.acquire("t")).isZero();
    }

    @Test
    void aProviderWithoutALimitIsOnlyCountedAndADefaultOfZeroLimitsNone() throws Exception {
        Operations ops = Operations.create(guard(0, 1).withUpstreamFor("hitkeep", 1, 1), nanos::get);
        UpstreamGate alke = ops.upstreamGate("alke");
        for (int i = 0; i < 100; i++) {
            assertThat(ops.upstreamGate("alke")).isSameAs(alke);
        }
        UpstreamGate hitkeep = ops.upstreamGate("hitkeep");
        assertThat(hitkeep.acquire("t")).isZero();
        assertThat(hitkeep.acquire("t")).isPositive();
        assertThat(ops.upstreamClient("hitkeep").interceptors()).containsExactly(hitkeep);
        assertThat(ops.upstreamClient("alke").interceptors()).containsExactly(alke);
        assertThat(ops.upstreamClient("hitkeep")).isSameAs(ops.upstreamClient("hitkeep"));
    }

    @Test
    void budgetsPerProviderAreCheckedAndNamedInLowerCase() {
        assertThat(GuardSettings.defaults().withUpstreamFor(" HitKeep ", 3, 6).upstreamByProvider())
                .containsOnlyKeys("hitkeep");
        assertThatThrownBy(() -> GuardSettings.defaults().withUpstreamFor("hit keep", 3, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider name");
        assertThatThrownBy(() -> GuardSettings.defaults().withUpstreamFor("hitkeep", -1, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upstream rate");
        assertThatThrownBy(() -> GuardSettings.defaults().withUpstreamFor("hitkeep", 1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upstream burst");
        assertThat(GuardSettings.defaults().upstreamByProvider()).isEmpty();
    }
}
