package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.mcp.provider.CallerModes;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.ErrorTranslator;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ResourceSpec;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generic per-caller tool sets: a module with two modes chosen by the token's prefix, no provider involved. */
class ModeRoutingTest {
    /** Tools "a" and "b"; tokens starting with "a-" see "a", the others "b"; "bad" tokens fit no mode. */
    private static final class TwoModes implements ProviderModule, CallerModes {
        private final List<CallerModes.Mode> modes;

        TwoModes(List<CallerModes.Mode> modes) {
            this.modes = modes;
        }

        TwoModes() {
            this(List.of(new CallerModes.Mode("alpha", "an a- token", Set.of("a"), Set.of(), "alpha tools"),
                    new CallerModes.Mode("beta", "any other token", Set.of("b"), Set.of(), "beta tools")));
        }

        @Override
        public List<CallerModes.Mode> modes() {
            return modes;
        }

        @Override
        public String modeOf(CallerCredentials caller) {
            if (caller.token().startsWith("bad")) {
                throw new IllegalArgumentException("send a usable token");
            }
            return caller.token().startsWith("a-") ? "alpha" : "beta";
        }

        @Override
        public Optional<String> serverMode() {
            return Optional.of("beta");
        }

        @Override
        public String name() {
            return "two";
        }

        @Override
        public String displayName() {
            return "Two";
        }

        @Override
        public String instructions() {
            return "all tools";
        }

        @Override
        public List<ToolSpec> tools() {
            return List.of(tool("a"), tool("b"));
        }

        private static ToolSpec tool(String name) {
            return new ToolSpec(name, name, "tool " + name, Schema.object().closed().build(),
                    Schema.object().property("tool", Schema.string("the tool")).build(), true,
                    (context, args) -> Map.of("tool", name));
        }

        @Override
        public List<ResourceSpec> resources() {
            return List.of();
        }

        @Override
        public ErrorTranslator errorTranslator() {
            return (tool, error, args) -> error.getMessage();
        }
    }

    @Test
    void eachCallerSeesItsModeAndIsToldWhereTheOtherToolsAre() throws Exception {
        try (TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                .endpoint(new TwoModes(), null).build().start();
                McpSyncClient alpha = TestSupport.client(server.endpoint("two"), "a-token");
                McpSyncClient beta = TestSupport.client(server.endpoint("two"), "b-token")) {
            assertThat(alpha.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("a");
            assertThat(beta.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("b");
            assertThat(alpha.getServerInstructions()).isEqualTo("alpha tools");
            assertThat(TestSupport.call(alpha, "a", Map.of())).containsEntry("tool", "a");
            assertThat(TestSupport.error(alpha, "b", Map.of())).isEqualTo("b is a beta-mode tool: call it with any "
                    + "other token. This call is in alpha mode (an a- token); tools/list shows the tools this credential "
                    + "can use.");
            java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(server.endpoint("two"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .header("Authorization", "Bearer bad-token")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(RawHttp.INITIALIZE)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("send a usable token").doesNotContain("bad-token");
        }
    }

    @Test
    void aServerWithoutCallersServesTheModeOfItsOwnCredentials() {
        ProviderModule served = ModeRouting.forServer(new TwoModes());
        assertThat(served.tools()).hasSize(2);
        assertThat(served.instructions()).isEqualTo("beta tools");
        assertThat(ModeRouting.forServer(TestSupport.module(TestSupport.startFake(), false))).isNotNull();
    }

    @Test
    void modesMustCoverTheToolsTheModuleHas() {
        assertThatThrownBy(() -> ModeRouting.views(new TwoModes(List.of()), new TwoModes(List.of())))
                .hasMessageContaining("none");
        CallerModes.Mode alpha = new CallerModes.Mode("alpha", "x", Set.of("a"), Set.of(), "i");
        TwoModes onlyAlpha = new TwoModes(List.of(alpha));
        assertThatThrownBy(() -> ModeRouting.views(onlyAlpha, onlyAlpha)).hasMessageContaining("tools in no mode: [b]");
        TwoModes twice = new TwoModes(List.of(alpha, alpha));
        assertThatThrownBy(() -> ModeRouting.views(twice, twice)).hasMessageContaining("declared twice");
        TwoModes unknown = new TwoModes(List.of(new CallerModes.Mode("x", "x", Set.of("a", "b", "c"), Set.of(), "i")));
        assertThatThrownBy(() -> ModeRouting.views(unknown, unknown)).hasMessageContaining("does not have");
        assertThatThrownBy(() -> new CallerModes.Mode("two words", "x", Set.of(), Set.of(), "i"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
