package io.tally.mcp.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.mcp.tool.CallerHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {
    @Test
    void discoversHitKeepThroughItsServiceRegistration() {
        ProviderRegistry registry = ProviderRegistry.discovered();
        assertThat(registry.names()).contains("hitkeep", "alke", "engagetrack", "alephant");
        McpProvider hitkeep = registry.require("HitKeep");
        assertThat(hitkeep.baseUrlFlags()).containsExactly("--hitkeep-url", "--base-url", "--hitkeep-base-url");
        assertThat(hitkeep.baseUrlVariable()).isEqualTo("HITKEEP_BASE_URL");
        assertThat(hitkeep.tokenVariable()).isEqualTo("HITKEEP_API_TOKEN");
        assertThat(registry.byFlag("--base-url")).containsSame(hitkeep);
        assertThat(ProviderRegistry.discovered()).isSameAs(registry);
    }

    @Test
    void tellsUnknownProvidersFromOnesNotImplementedYetAndListsTheImplementedOnes() {
        ProviderRegistry registry = ProviderRegistry.of(List.of(new WorkspaceProvider()));
        assertThatThrownBy(() -> registry.require("engagetrack")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider 'engagetrack' is not implemented by this server yet; this server implements "
                        + "workspace");
        assertThatThrownBy(() -> registry.require("plausible"))
                .hasMessage("unknown provider 'plausible'; this server implements workspace");
        assertThat(registry.require(" Workspace ").name()).isEqualTo("workspace");
    }

    @Test
    void refusesRegistrationsThatCollide() {
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new WorkspaceProvider(), new WorkspaceProvider())))
                .hasMessageContaining("'workspace' is registered twice");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new WorkspaceProvider(), new Renamed("other",
                List.of("--workspace-url"), "OTHER_BASE_URL", List.of()))))
                .hasMessage("flag --workspace-url is claimed by both workspace and other");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new WorkspaceProvider(), new Renamed("other",
                List.of("--other-url"), "WORKSPACE_BASE_URL", List.of()))))
                .hasMessage("environment variable WORKSPACE_BASE_URL is claimed by both workspace and other");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new WorkspaceProvider(), new Renamed("other",
                List.of("--other-url"), "OTHER_BASE_URL", List.of(WorkspaceProvider.WORKSPACE)))))
                .hasMessage("environment variable WORKSPACE_ID is claimed by both workspace and other");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new Renamed("mcp", List.of("--mcp-url"), "MCP_BASE_URL",
                List.of())))).hasMessageContaining("not 'mcp'");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new Renamed("Other", List.of("--other-url"),
                "OTHER_BASE_URL", List.of())))).hasMessageContaining("got 'Other'");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new Renamed("other", List.of("-o"), "OTHER_BASE_URL",
                List.of())))).hasMessageContaining("flag must look like --name-url, got '-o'");
    }

    @Test
    void commandFlagsAreTheirProvidersAlone() {
        ProviderCommand audit = new ProviderCommand("--audit", "prints a report");
        Renamed one = new Renamed("one", List.of("--one-url"), "ONE_BASE_URL", List.of()).withCommands(audit);
        ProviderRegistry registry = ProviderRegistry.of(List.of(new WorkspaceProvider(), one));
        assertThat(registry.byCommand("--audit")).containsSame(one);
        assertThat(registry.byCommand("--workspace-url")).isEmpty();
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(one, new Renamed("two", List.of("--two-url"),
                "TWO_BASE_URL", List.of()).withCommands(audit))))
                .hasMessage("flag --audit is claimed by both one and two");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(new WorkspaceProvider(), new Renamed("two",
                List.of("--two-url"), "TWO_BASE_URL", List.of())
                .withCommands(new ProviderCommand("--workspace-url", "x")))))
                .hasMessage("flag --workspace-url is claimed by both workspace and two");
        assertThatThrownBy(() -> ProviderRegistry.of(List.of(one, new Renamed("two", List.of("--audit"),
                "TWO_BASE_URL", List.of())))).hasMessage("flag --audit is claimed by both two and one");
        assertThatThrownBy(() -> new ProviderCommand("audit", "x")).hasMessageContaining("--name");
        assertThatThrownBy(() -> one.runCommand("--audit", null, System.out, System.err))
                .hasMessage("one has no command --audit");
    }

    @Test
    void callerHeadersAreCheckedWhenDeclaredAndWhenSent() {
        assertThatThrownBy(() -> new CallerHeader("Authorization", "a token", true, "X_TOKEN"))
                .hasMessageContaining("Authorization");
        assertThatThrownBy(() -> new CallerHeader("X Workspace", "a workspace", true, "X_WORKSPACE"))
                .hasMessageContaining("header name");
        assertThatThrownBy(() -> new CallerHeader("X-Workspace-Id", "a workspace", true, "x_workspace"))
                .hasMessageContaining("variable");
        CallerHeader h = WorkspaceProvider.WORKSPACE;
        assertThat(h.check("  ws-1 ")).isEqualTo("ws-1");
        assertThatThrownBy(() -> h.check(" ")).hasMessage("X-Workspace-Id must not be blank; send your workspace id");
        assertThatThrownBy(() -> h.check("x".repeat(257))).hasMessageContaining("at most 256 characters");
        assertThatThrownBy(() -> h.check("ws\u00e9")).hasMessageContaining("printable ASCII");
    }

    /** The workspace registration under another name, flags and variables. */
    private static final class Renamed implements McpProvider {
        private final WorkspaceProvider delegate = new WorkspaceProvider();
        private final String name;
        private final List<String> flags;
        private final String variable;
        private final List<CallerHeader> headers;
        private List<ProviderCommand> commands = List.of();

        Renamed withCommands(ProviderCommand... values) {
            commands = List.of(values);
            return this;
        }

        @Override
        public List<ProviderCommand> commands() {
            return commands;
        }

        Renamed(String name, List<String> flags, String variable, List<CallerHeader> headers) {
            this.name = name;
            this.flags = flags;
            this.variable = variable;
            this.headers = headers;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String displayName() {
            return name;
        }

        @Override
        public List<String> baseUrlFlags() {
            return flags;
        }

        @Override
        public String baseUrlVariable() {
            return variable;
        }

        @Override
        public String exampleBaseUrl() {
            return "https://x.example";
        }

        @Override
        public String tokenVariable() {
            return name.toUpperCase(java.util.Locale.ROOT) + "_API_TOKEN";
        }

        @Override
        public List<CallerHeader> callerHeaders() {
            return headers;
        }

        @Override
        public DemoBackend startDemo() {
            return delegate.startDemo();
        }

        @Override
        public io.tally.mcp.tool.ProviderModule createModule(ProviderConfig config) {
            return delegate.createModule(config);
        }
    }
}
