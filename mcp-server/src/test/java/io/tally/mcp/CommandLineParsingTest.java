package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Environment;
import io.tally.mcp.ops.GuardOptions;
import io.tally.mcp.provider.ProviderRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What picocli adds to the command line: suggestions, option-like values refused, the generated and grouped help. */
class CommandLineParsingTest {
    private static final Environment NONE = Environment.of(Map.of());
    private static final ProviderRegistry HITKEEP_ONLY = ProviderRegistry.of(List.of(
            ProviderRegistry.discovered().require("hitkeep")));

    @Test
    void aMistypedFlagGetsASuggestion() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--stdi"}, NONE, HITKEEP_ONLY))
                .hasMessage("unknown option '--stdi'; did you mean --stdio? (see --help)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--demo", "serve"}, NONE, HITKEEP_ONLY))
                .hasMessage("unknown option 'serve' (see --help)");
    }

    @Test
    void anOptionLikeWordIsNotAValue() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "--nope"}, NONE, HITKEEP_ONLY))
                .hasMessage("--port needs a value (see --help)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--base-url", "--demo"}, NONE, HITKEEP_ONLY))
                .hasMessage("--base-url needs a value (see --help)");
    }

    @Test
    void everyUseOfAFlagIsCheckedAndTheLastWins() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "x", "--port", "1"}, NONE, HITKEEP_ONLY))
                .hasMessage("--port must be a whole number, got 'x'");
        CommandLine c = CommandLine.parse(new String[] {"--port", "1", "--port=2", "--hitkeep-url", "https://a.example",
                "--base-url", "https://b.example", "--provider", "hitkeep", "--provider", "hitkeep"}, NONE,
                HITKEEP_ONLY);
        assertThat(c.port).isEqualTo(2);
        assertThat(c.baseUrl("hitkeep")).isEqualTo("https://b.example");
        assertThat(c.providers).containsExactly("hitkeep");
    }

    @Test
    void variablesAreCheckedByName() {
        assertThatThrownBy(() -> CommandLine.parse(new String[0], Environment.of(Map.of("TALLY_MCP_PORT", "80000")),
                HITKEEP_ONLY)).hasMessage("TALLY_MCP_PORT must be between 0 and 65535, got 80000");
        CommandLine c = CommandLine.parse(new String[] {"--provider", "hitkeep"}, Environment.of(Map.of(
                "TALLY_MCP_PROVIDER", "nothing-like-it", "TALLY_MCP_ALLOWED_HOSTS", "a.example, b.example",
                "TALLY_MCP_STDIO", "yes", "TALLY_MCP_LOG_LEVEL", "DEBUG")), HITKEEP_ONLY);
        assertThat(c.providers).as("--provider replaces the variable's list").containsExactly("hitkeep");
        assertThat(c.allowedHosts).containsExactly("a.example", "b.example");
        assertThat(c.stdio).isTrue();
        assertThat(c.logLevel).isEqualTo("debug");
    }

    @Test
    void helpIsAsciiGroupedAndListsEveryFlagWithItsVariable() {
        String help = CommandLine.help(HITKEEP_ONLY);
        assertThat(help.chars()).allMatch(ch -> ch == '\n' || (ch >= 32 && ch < 127));
        assertThat(help.lines()).allMatch(line -> line.length() <= 110);
        List<String> headings = List.of("Usage:", "Modes:", "Options (", "Providers (", "Limits (", "Security:");
        int last = -1;
        for (String heading : headings) {
            int at = help.indexOf("\n" + heading);
            assertThat(at).as(heading).isGreaterThan(last);
            last = at;
        }
        for (String flag : GuardOptions.flags()) {
            assertThat(help).contains("  " + flag + " N", "[" + GuardOptions.variable(flag) + "]");
        }
        assertThat(help).contains("  --help, -h ", "  --version ", "  --stdio ", "[TALLY_MCP_STDIO=true]",
                "[TALLY_MCP_BACKEND_POOL]", "  --log-level LEVEL ");
    }

    @Test
    void mainPrintsTheVersion() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"--version"}, NONE, new ByteArrayInputStream(new byte[0]), o, o,
                HITKEEP_ONLY)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tally-mcp-server ");
    }
}
