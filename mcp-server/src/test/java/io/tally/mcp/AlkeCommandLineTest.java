package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alke is registered, and being hosted it needs no base URL: its documented address is the default. */
class AlkeCommandLineTest {
    private static final Environment NONE = Environment.of(Map.of());

    @Test
    void alkeServesItsDocumentedAddressUnlessTold() {
        CommandLine c = CommandLine.parse(new String[] {"--provider", "alke"}, NONE);
        assertThat(c.providers).containsExactly("alke");
        assertThat(c.baseUrl("alke")).isEqualTo("https://api-analytics.alketech.eu");
        assertThat(c.problem(NONE)).isEmpty();
        assertThat(CommandLine.parse(new String[] {"--provider", "alke", "--alke-url", "https://alke.example"}, NONE)
                .baseUrl("alke")).isEqualTo("https://alke.example");
        assertThat(CommandLine.parse(new String[] {"--provider", "alke"},
                Environment.of(Map.of("ALKE_BASE_URL", "https://env.example"))).baseUrl("alke"))
                .isEqualTo("https://env.example");
        assertThat(CommandLine.parse(new String[] {"--stdio", "--provider", "alke"}, NONE).problem(NONE)).get()
                .asString()
                .isEqualTo("--stdio needs the Alke Analytics API token in the environment: set ALKE_API_TOKEN");
        assertThat(CommandLine.help(io.tally.mcp.provider.ProviderRegistry.discovered()))
                .contains("--alke-url URL", "[ALKE_BASE_URL]", "ALKE_API_TOKEN");
    }
}
