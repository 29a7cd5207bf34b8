package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code --stdio --demo} through {@link Main}: serves until stdin ends, then exits 0; stdout carries only JSON-RPC. */
class MainStdioDemoTest {
    @Test
    void servesOverStdioUntilInputEnds() throws Exception {
        try (StdioHarness server = StdioHarness.initialized("--stdio", "--provider", "hitkeep", "--demo")) {
            server.callTool(2, "hitkeep_list_sites", "{}");
            assertThat(server.reply().at("/result/serverInfo/name").asText()).isEqualTo("tally-hitkeep");
            JsonNode sites = server.reply().at("/result/structuredContent/sites");
            assertThat(sites).hasSize(3);

            assertThat(server.endInput()).isZero();
            assertThat(server.stderr()).contains("over stdio (demo data)");
        }
    }
}
