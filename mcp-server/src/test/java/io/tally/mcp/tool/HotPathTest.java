package io.tally.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.provider.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-call costs of the MCP server: one serialisation per answer, checks kept out of production, ASCII texts. */
class HotPathTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> result() {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("id", "s1");
        site.put("name", "Caf\u00e9 \"quoted\"");
        site.put("pageviews", 42);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sites", List.of(site));
        out.put("truncated", false);
        return out;
    }

    @Test
    void aResultWrittenOnceGoesOutAsTheSameJsonAsThePlainMap() throws Exception {
        Map<String, Object> plain = result();
        String json = MAPPER.writeValueAsString(plain);
        McpSchema.CallToolResult written = McpSchema.CallToolResult.builder()
                .structuredContent(new WrittenJson(plain, json)).addTextContent(json).isError(false).build();
        McpSchema.CallToolResult ordinary = McpSchema.CallToolResult.builder()
                .structuredContent(plain).addTextContent(json).isError(false).build();
        JacksonMcpJsonMapper mcp = new JacksonMcpJsonMapper(MAPPER);

        assertThat(MAPPER.readTree(mcp.writeValueAsString(written)))
                .isEqualTo(MAPPER.readTree(mcp.writeValueAsString(ordinary)));
        assertThat(new WrittenJson(plain, json)).isEqualTo(plain);
    }

    @Test
    void theTestSuiteChecksOutputSchemasAndProductionDoesNot() {
        Map<String, Object> schema = Schema.object()
                .property("sites", Schema.array("sites", Schema.object().property("id", Schema.string("id"))))
                .property("truncated", Schema.bool("cut"))
                .required("sites").build();
        Map<String, Object> wrong = Map.of("truncated", "not a boolean");
        WrittenJson good = new WrittenJson(result(), "{}");

        assertThat(Boolean.getBoolean(OutputSchemaChecks.PROPERTY)).as("surefire sets " + OutputSchemaChecks.PROPERTY)
                .isTrue();
        assertThat(OutputSchemaChecks.checking().validate(schema, good).valid()).isTrue();
        assertThat(OutputSchemaChecks.checking().validate(schema, wrong).valid()).isFalse();
        String before = System.getProperty(OutputSchemaChecks.PROPERTY);
        try {
            System.clearProperty(OutputSchemaChecks.PROPERTY);
            assertThat(OutputSchemaChecks.validator().validate(schema, wrong).valid()).isTrue();
        } finally {
            System.setProperty(OutputSchemaChecks.PROPERTY, before);
        }
    }

    @Test
    void everyToolAndHelpTextIsAscii() {
        // one non-ASCII character makes the JVM hold a whole answer as a UTF-16 string (twice the bytes)
        for (McpProvider provider : ProviderRegistry.discovered().providers()) {
            ProviderModule module = provider.createModule(
                    new ProviderConfig("http://127.0.0.1:9", null, ModuleOptions.defaults().withAllowWrites(true),
                            "test"));
            for (ToolSpec tool : module.tools()) {
                assertAscii(tool.name(), tool.title() + tool.description() + tool.inputSchema() + tool.outputSchema());
            }
            for (ResourceSpec resource : module.resources()) {
                assertAscii(resource.uri(), resource.title() + resource.description() + resource.text());
            }
            for (PromptSpec prompt : module.prompts()) {
                assertAscii(prompt.name(), prompt.title() + prompt.description());
            }
        }
    }

    private static void assertAscii(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            assertThat((int) text.charAt(i)).as("%s: non-ASCII character '%s' at %d in: %s", what,
                    text.charAt(i), i, text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40)))
                    .isLessThan(128);
        }
    }
}
