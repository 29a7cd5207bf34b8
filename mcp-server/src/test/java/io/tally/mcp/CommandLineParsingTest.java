package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flag syntax as picocli reads it, with the server's own messages. */
class CommandLineParsingTest {
    private static final Environment NONE = Environment.of(Map.of());

    @Test
    void aMistypedFlagGetsASuggestion() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--prot", "1"}, NONE))
                .hasMessage("unknown option '--prot'; did you mean --port? (see --help)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--completely-different"}, NONE))
                .hasMessage("unknown option '--completely-different' (see --help)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"stray"}, NONE))
                .hasMessage("unknown option 'stray' (see --help)");
    }

    @Test
    void aMissingValueNamesTheAliasTheUserTyped() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--base-url"}, NONE))
                .hasMessage("--base-url needs a value (see --help)");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "--demo"}, NONE))
                .hasMessage("--port needs a value (see --help)");
    }

    @Test
    void theLastValueOfARepeatedFlagWinsAndListsAccumulate() {
        CommandLine c = CommandLine.parse(new String[] {"--port=9001", "--port", "9002", "--allowed-host", "a.example",
                "--allowed-host=b.example", "-h", "--hitkeep-base-url", " https://x.example "}, NONE);
        assertThat(c.port).isEqualTo(9002);
        assertThat(c.allowedHosts).containsExactly("a.example", "b.example");
        assertThat(c.help).isTrue();
        assertThat(c.baseUrl("hitkeep")).isEqualTo("https://x.example");
    }

    @Test
    void aSwitchGivenAValueIsRefusedByName() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--demo=yes"}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--demo");
    }
}
