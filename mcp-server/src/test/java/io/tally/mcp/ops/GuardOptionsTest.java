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
}
