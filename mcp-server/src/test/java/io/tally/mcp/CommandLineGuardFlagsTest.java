package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limit flags (GuardOptions) reach HttpSettings through the command line, and --help lists them. */
class CommandLineGuardFlagsTest {
    @Test
    void limitFlagsWinOverTheirVariablesAndReachTheSettings() {
        Environment env = Environment
                .of(Map.of("TALLY_MCP_UPSTREAM_RATE", "3", "TALLY_MCP_MAX_SESSIONS_PER_TOKEN", "4"));
        CommandLine c = CommandLine.parse(new String[] {"--upstream-rate", "6", "--shutdown-grace-seconds=9"}, env);
        HttpSettings s = c.httpSettings();
        assertThat(s.guard().upstreamPerSecond()).isEqualTo(6);
        assertThat(s.guard().maxSessionsPerToken()).isEqualTo(4);
        assertThat(s.guard().shutdownGrace()).isEqualTo(Duration.ofSeconds(9));
        assertThat(CommandLine.HELP).contains("--upstream-rate").contains("--max-sessions-per-token")
                .contains("--shutdown-grace-seconds").contains("--unverified-rate-limit");
    }

    @Test
    void aLimitFlagWithoutValueIsNamed() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--upstream-rate"}, Environment.of(Map.of())))
                .hasMessageContaining("--upstream-rate needs a value");
    }

    @Test
    void upstreamBudgetsPerProviderMayBeRepeatedAndAnUnknownProviderIsRefusedWithExitCode2() {
        CommandLine c = CommandLine.parse(new String[] {"--upstream-rate", "hitkeep=9", "--upstream-rate=alke=2:4",
                "--upstream-rate", "5"}, Environment.of(Map.of()));
        assertThat(c.httpSettings().guard().upstreamPerSecond()).isEqualTo(5);
        assertThat(c.httpSettings().guard().upstreamFor("hitkeep").perSecond()).isEqualTo(9);
        assertThat(c.httpSettings().guard().upstreamFor("alke").burst()).isEqualTo(4);

        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = Main.run(new String[] {"--hitkeep-url", "http://127.0.0.1:9", "--upstream-rate", "hitkep=3"},
                Environment.of(Map.of()), java.io.InputStream.nullInputStream(), e, e,
                io.tally.mcp.provider.ProviderRegistry.discovered());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("--upstream-rate names unknown provider 'hitkep'").contains("hitkeep");
    }
}
