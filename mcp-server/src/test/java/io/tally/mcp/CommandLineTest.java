package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    /** HitKeep alone: these tests are about the flags of a one-provider server. */
    private static final io.tally.mcp.provider.ProviderRegistry HITKEEP_ONLY = io.tally.mcp.provider.ProviderRegistry
            .of(List.of(new io.tally.mcp.hitkeep.HitKeepProvider()));

    private static final Environment NONE = Environment.of(Map.of());

    @Test
    void flagsWinOverTheirEnvironmentTwins() {
        Environment env = Environment.of(Map.of("TALLY_MCP_PORT", "9000", "TALLY_MCP_BIND", "0.0.0.0",
                "HITKEEP_BASE_URL", "https://env.example.com", "TALLY_MCP_STATEFUL", "true",
                "TALLY_MCP_ALLOWED_ORIGINS", "https://a.example, https://b.example"));
        CommandLine c = CommandLine.parse(new String[] {"--port", "9100", "--base-url=https://flag.example.com",
                "--allowed-origin", "https://c.example", "--allow-writes"}, env, HITKEEP_ONLY);
        assertThat(c.port).isEqualTo(9100);
        assertThat(c.bind).isEqualTo("0.0.0.0");
        assertThat(c.baseUrl("hitkeep")).isEqualTo("https://flag.example.com");
        assertThat(c.stateful).isTrue();
        assertThat(c.allowWrites).isTrue();
        assertThat(c.allowedOrigins).containsExactly("https://a.example", "https://b.example", "https://c.example");
        assertThat(c.providers).as("no --provider: every registered one").contains("hitkeep");
        HttpSettings s = c.httpSettings();
        assertThat(s.port()).isEqualTo(9100);
        assertThat(s.stateful()).isTrue();
    }

    @Test
    void defaultsAreLoopbackPort8080Stateless() {
        CommandLine c = CommandLine.parse(new String[] {"--base-url", "https://x.example"}, NONE, HITKEEP_ONLY);
        assertThat(c.httpSettings().bind()).isEqualTo("127.0.0.1");
        assertThat(c.httpSettings().port()).isEqualTo(8080);
        assertThat(c.httpSettings().stateful()).isFalse();
        assertThat(c.httpSettings().maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(c.problem(NONE)).isEmpty();
    }

    @Test
    void refusesUnknownFlagsAndBadValuesByName() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--prot", "1"}, NONE, HITKEEP_ONLY))
                .hasMessageContaining("--prot");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "http"}, NONE, HITKEEP_ONLY))
                .hasMessage("--port must be a whole number, got 'http'");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port"}, NONE, HITKEEP_ONLY))
                .hasMessage("--port needs a value (see --help)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--provider", "plausible"}, NONE, HITKEEP_ONLY))
                .hasMessageContaining("unknown provider 'plausible'");
        assertThatThrownBy(
                () -> CommandLine.parse(new String[0], Environment.of(Map.of("TALLY_MCP_DEMO", "maybe")), HITKEEP_ONLY))
                .hasMessageContaining("TALLY_MCP_DEMO must be true or false");
    }

    @Test
    void explainsCombinationsThatCannotWork() {
        assertThat(CommandLine.parse(new String[0], NONE, HITKEEP_ONLY).problem(NONE)).get().asString()
                .contains("--base-url", "--demo");
        assertThat(CommandLine.parse(new String[] {"--demo", "--bind", "0.0.0.0"}, NONE, HITKEEP_ONLY).problem(NONE))
                .get()
                .asString().contains("loopback only");
        assertThat(CommandLine.parse(new String[] {"--demo"}, NONE, HITKEEP_ONLY).problem(NONE)).isEmpty();
        assertThat(CommandLine.parse(new String[] {"--stdio", "--base-url", "https://x.example"}, NONE, HITKEEP_ONLY)
                .problem(NONE))
                .get().asString().contains("HITKEEP_API_TOKEN");
        assertThat(CommandLine
                .parse(new String[] {"--token-from-env", "--base-url", "https://x.example"}, NONE, HITKEEP_ONLY)
                .problem(NONE)).get().asString().contains("HITKEEP_API_TOKEN");
        Environment withToken = Environment.of(Map.of("HITKEEP_API_TOKEN", "t"));
        assertThat(CommandLine.parse(new String[] {"--token-from-env", "--bind", "0.0.0.0", "--base-url",
                "https://x.example"}, withToken, HITKEEP_ONLY).problem(withToken))
                .as("a server token is never lent to the network")
                .get().asString().contains("loopback only");
        assertThat(CommandLine
                .parse(new String[] {"--token-from-env", "--base-url", "https://x.example"}, withToken, HITKEEP_ONLY)
                .problem(withToken)).isEmpty();
        assertThat(CommandLine.parse(new String[] {"--token-from-env", "--bind", "127.0.0.2", "--base-url",
                "https://x.example"}, withToken, HITKEEP_ONLY).problem(withToken)).isEmpty();
        assertThat(CommandLine.parse(new String[] {"--demo", "--bind", "127.attacker.example"}, NONE, HITKEEP_ONLY)
                .problem(NONE))
                .as("a host name that merely starts with 127. is not loopback").get().asString()
                .contains("loopback only");
        assertThat(
                CommandLine.parse(new String[] {"--stdio", "--base-url", "https://x.example"}, withToken, HITKEEP_ONLY)
                        .problem(withToken))
                .isEmpty();
    }

    @Test
    void helpDocumentsEveryFlagAndItsVariable() {
        for (String s : List.of("--provider", "--base-url", "--port", "--bind", "--stdio", "--demo", "--stateful",
                "--allow-writes", "--token-from-env", "--allowed-origin", "--allowed-host", "--max-body-bytes",
                "--rate-limit", "--rate-burst", "TALLY_MCP_PORT", "TALLY_MCP_BIND", "TALLY_MCP_PROVIDER",
                "HITKEEP_BASE_URL",
                "HITKEEP_API_TOKEN", "TALLY_MCP_STATEFUL", "TALLY_MCP_ALLOWED_ORIGINS")) {
            assertThat(CommandLine.HELP).contains(s);
        }
    }

    @Test
    void mainPrintsHelpAndRefusesBadOptionsWithExitCodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
        assertThat(Main.run(new String[] {"--help"}, NONE, in, o, e, HITKEEP_ONLY)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--demo");
        assertThat(Main.run(new String[] {"--nope"}, NONE, in, o, e, HITKEEP_ONLY)).isEqualTo(2);
        assertThat(Main.run(new String[0], NONE, in, o, e, HITKEEP_ONLY)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--nope'",
                "HitKeep base URL is missing");
    }
}
