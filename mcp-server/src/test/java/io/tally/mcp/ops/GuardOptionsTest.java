package io.tally.mcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Environment;
import io.tally.mcp.http.GuardSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardOptionsTest {
    @Test
    void flagsAndVariablesSetEveryLimitAndAFlagWinsOverItsVariable() {
        GuardSettings fromEnv = GuardOptions.fromEnvironment(Environment.of(Map.of(
                "TALLY_MCP_UPSTREAM_RATE", "2.5",
                "TALLY_MCP_MAX_SESSIONS_PER_TOKEN", "3",
                "TALLY_MCP_SHUTDOWN_GRACE_SECONDS", "7")), GuardSettings.defaults());
        assertThat(fromEnv.upstreamPerSecond()).isEqualTo(2.5);
        assertThat(fromEnv.maxSessionsPerToken()).isEqualTo(3);
        assertThat(fromEnv.shutdownGrace()).isEqualTo(Duration.ofSeconds(7));

        GuardSettings g = GuardOptions.apply(fromEnv, "--upstream-rate", "4");
        g = GuardOptions.apply(g, "--body-timeout-seconds", "5");
        g = GuardOptions.apply(g, "--address-rate-limit", "0");
        g = GuardOptions.apply(g, "--unverified-rate-burst", "9");
        g = GuardOptions.apply(g, "--session-idle-minutes", "2");
        assertThat(g.upstreamPerSecond()).isEqualTo(4);
        assertThat(g.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(g.perAddressPerMinute()).isZero();
        assertThat(g.unverifiedBurst()).isEqualTo(9);
        assertThat(g.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(g.maxSessionsPerToken()).as("untouched").isEqualTo(3);
    }

    @Test
    void badValuesNameTheFlagOrVariable() {
        assertThatThrownBy(() -> GuardOptions.apply(GuardSettings.defaults(), "--max-connections", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-connections")
                .hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> GuardOptions.apply(GuardSettings.defaults(), "--upstream-rate", "fast"))
                .hasMessageContaining("--upstream-rate").hasMessageContaining("'fast'");
        assertThatThrownBy(() -> GuardOptions.fromEnvironment(Environment.of(Map.of(
                "TALLY_MCP_BODY_TIMEOUT_SECONDS", "-1")), GuardSettings.defaults()))
                .hasMessageContaining("TALLY_MCP_BODY_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> GuardSettings.defaults().withSessions(0, 1, Duration.ofMinutes(1)))
                .hasMessageContaining("maxSessions");
    }

    @Test
    void upstreamRateTakesADefaultAndBudgetsPerProviderFromFlagsAndTheVariable() {
        GuardSettings fromEnv = GuardOptions.fromEnvironment(Environment.of(Map.of(
                "TALLY_MCP_UPSTREAM_RATE", "5, alke=1.5:3")), GuardSettings.defaults());
        assertThat(fromEnv.upstreamPerSecond()).isEqualTo(5);
        assertThat(fromEnv.upstreamFor("alke")).isEqualTo(new GuardSettings.UpstreamBudget(1.5, 3));

        GuardSettings g = GuardOptions.apply(fromEnv, "--upstream-rate", "hitkeep=9");
        g = GuardOptions.apply(g, "--upstream-rate", "alke=2:4,engagetrack=0");
        g = GuardOptions.apply(g, "--upstream-burst", "7");
        assertThat(g.upstreamPerSecond()).as("the default is untouched by per-provider entries").isEqualTo(5);
        assertThat(g.upstreamFor("hitkeep")).as("no burst given: the default burst, set later")
                .isEqualTo(new GuardSettings.UpstreamBudget(9, 7));
        assertThat(g.upstreamFor("alke")).as("the flag wins over the variable").isEqualTo(
                new GuardSettings.UpstreamBudget(2, 4));
        assertThat(g.upstreamFor("engagetrack").perSecond()).as("0: no limit for that provider").isZero();
        assertThat(g.upstreamFor("alephant")).isEqualTo(new GuardSettings.UpstreamBudget(5, 7));
        assertThat(g.upstreamByProvider()).containsOnlyKeys("alke", "engagetrack", "hitkeep");
    }

    @Test
    void badPerProviderBudgetsNameTheFlagAndTheProvider() {
        assertThatThrownBy(() -> GuardOptions.apply(GuardSettings.defaults(), "--upstream-rate", "alke=fast"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--upstream-rate for alke")
                .hasMessageContaining("'fast'");
        assertThatThrownBy(() -> GuardOptions.apply(GuardSettings.defaults(), "--upstream-rate", "alke=2:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--upstream-rate for alke (burst)")
                .hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> GuardOptions.apply(GuardSettings.defaults(), "--upstream-rate", "=2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider name");
        assertThatThrownBy(() -> GuardOptions.fromEnvironment(Environment.of(Map.of(
                "TALLY_MCP_UPSTREAM_RATE", "hitkeep=1,")), GuardSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TALLY_MCP_UPSTREAM_RATE");
    }
}
