package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --stdio --provider alke --demo} through {@link Main}: the demo lists the fake's two properties and runs a report. */
class MainStdioAlkeDemoTest {
    @Test
    void servesOverStdioUntilInputEnds() throws Exception {
        try (StdioHarness server = StdioHarness.initialized("--stdio", "--provider", "alke", "--demo")) {
            server.callTool(2, "alke_list_properties", "{}");
            server.callTool(3, "alke_run_report",
                    "{\"property_id\":\"" + io.tally.testkit.alke.AlkeDemo.SHOP_PROPERTY_ID
                            + "\",\"metrics\":[\"pageviews\"],\"dimensions\":[\"date\"],\"limit\":7}");
            assertThat(server.reply().at("/result/serverInfo/name").asText()).isEqualTo("tally-alke");
            // the two calls may be answered in either order: match the replies by id
            Map<Integer, JsonNode> byId = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                JsonNode reply = server.reply();
                byId.put(reply.path("id").asInt(), reply.at("/result/structuredContent"));
            }
            JsonNode properties = byId.get(2);
            assertThat(properties.at("/source").asText()).isEqualTo("demo");
            assertThat(properties.at("/properties")).hasSize(2);
            JsonNode report = byId.get(3);
            assertThat(report.at("/rows")).hasSize(7);
            assertThat(report.at("/truncated").asBoolean()).isTrue();
            assertThat(report.at("/total_rows").asInt()).isEqualTo(30);
            assertThat(report.at("/rows/0/pageviews").isNumber()).isTrue();

            assertThat(server.endInput()).isZero();
            assertThat(server.stderr()).contains("over stdio (demo data)");
        }
    }
}
