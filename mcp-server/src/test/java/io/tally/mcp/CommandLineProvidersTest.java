package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Environment;
import io.tally.mcp.provider.ProviderRegistry;
import io.tally.mcp.provider.WorkspaceProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flags and variables that come from each provider's registration, with two providers registered. */
class CommandLineProvidersTest {
    private static final Environment NONE = Environment.of(Map.of());

    private static ProviderRegistry registry(WorkspaceProvider workspace) {
        // HitKeep and the test provider only, whatever else is registered
        return ProviderRegistry.of(List.of(ProviderRegistry.discovered().require("hitkeep"), workspace));
    }

    @Test
    void eachProviderHasItsOwnBaseUrlFlagAndVariable() {
        ProviderRegistry registry = registry(new WorkspaceProvider());
        Environment env = Environment.of(Map.of("WORKSPACE_BASE_URL", "https://ws-env.example",
                "HITKEEP_BASE_URL", "https://hk-env.example"));
        CommandLine c = CommandLine.parse(new String[] {"--provider", "hitkeep,workspace", "--hitkeep-url",
                "https://hk.example"}, env, registry);
        assertThat(c.providers).containsExactly("hitkeep", "workspace");
        assertThat(c.baseUrl("hitkeep")).as("the flag wins over the variable").isEqualTo("https://hk.example");
        assertThat(c.baseUrl("workspace")).isEqualTo("https://ws-env.example");

        CommandLine aliases = CommandLine.parse(new String[] {"--base-url", "https://a.example",
                "--workspace-url=https://w.example"}, NONE, registry);
        assertThat(aliases.baseUrl("hitkeep")).as("--base-url stays HitKeep's").isEqualTo("https://a.example");
        assertThat(aliases.baseUrl("workspace")).isEqualTo("https://w.example");
        assertThat(aliases.providers).as("no --provider: every one whose URL is given").containsExactly("hitkeep",
                "workspace");
        assertThat(CommandLine.parse(new String[] {"--hitkeep-base-url", "https://b.example"}, NONE, registry)
                .baseUrl("hitkeep")).isEqualTo("https://b.example");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--workspace-url"}, NONE, registry))
                .hasMessage("--workspace-url needs a value (see --help)");
    }

    @Test
    void providerListsAreCaseInsensitiveWithoutRepeatsAndNameTheImplementedOnesWhenWrong() {
        ProviderRegistry registry = registry(new WorkspaceProvider());
        assertThat(CommandLine.parse(new String[] {"--provider", "Workspace, hitkeep,workspace"}, NONE,
                registry).providers).containsExactly("workspace", "hitkeep");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--provider", "hitkeep,engagetrack"}, NONE, registry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider 'engagetrack' is not implemented by this server yet; this server implements "
                        + "hitkeep, workspace");
        assertThatThrownBy(() -> CommandLine.parse(new String[0], Environment.of(Map.of("TALLY_MCP_PROVIDER",
                "plausible")), registry)).hasMessage("unknown provider 'plausible'; this server implements hitkeep, "
                        + "workspace");
    }

    @Test
    void withoutProviderHttpServesTheConfiguredProvidersAndStdioTheFirstRegistered() {
        ProviderRegistry registry = registry(new WorkspaceProvider());
        assertThat(CommandLine.parse(new String[] {}, NONE, registry).providers).as("nothing configured: the first")
                .containsExactly("hitkeep");
        assertThat(CommandLine.parse(new String[] {"--demo"}, NONE, registry).providers)
                .containsExactly("hitkeep", "workspace");
        assertThat(CommandLine.parse(new String[] {"--workspace-url", "https://w.example"}, NONE, registry).providers)
                .as("a new provider does not change what an existing command line serves").containsExactly("workspace");
        assertThat(CommandLine.parse(new String[] {"--hitkeep-url", "https://h.example"}, NONE, registry).providers)
                .containsExactly("hitkeep");
        Environment both = Environment.of(Map.of("WORKSPACE_BASE_URL", "https://w.example"));
        assertThat(CommandLine.parse(new String[] {"--hitkeep-url", "https://h.example"}, both, registry).providers)
                .containsExactly("hitkeep", "workspace");
        assertThat(CommandLine.parse(new String[] {"--stdio"}, NONE, registry).providers).containsExactly("hitkeep");
        assertThat(CommandLine.parse(new String[] {"--stdio", "--provider", "workspace"}, NONE, registry).providers)
                .containsExactly("workspace");
        assertThat(CommandLine.parse(new String[] {"--stdio", "--provider", "hitkeep,workspace"}, NONE, registry)
                .problem(NONE)).get().asString().startsWith("--stdio serves exactly one provider");
    }

    @Test
    void problemsNameTheProvidersOwnFlagsAndVariables() {
        ProviderRegistry registry = registry(new WorkspaceProvider());
        assertThat(CommandLine.parse(new String[] {"--provider", "workspace"}, NONE, registry).problem(NONE)).get()
                .asString().isEqualTo("the Workspace base URL is missing: pass --workspace-url "
                        + "https://workspace.example.com (or set WORKSPACE_BASE_URL), or try --demo");
        assertThat(CommandLine.parse(new String[] {"--provider", "workspace", "--workspace-url", "https://w.example"},
                NONE, registry).problem(NONE)).isEmpty();
        Environment tokenOnly = Environment.of(Map.of("WORKSPACE_API_TOKEN", "t"));
        CommandLine stdio = CommandLine.parse(new String[] {"--stdio", "--provider", "workspace", "--workspace-url",
                "https://w.example"}, tokenOnly, registry);
        assertThat(stdio.problem(NONE)).get().asString()
                .isEqualTo("--stdio needs the Workspace API token in the environment: set WORKSPACE_API_TOKEN");
        assertThat(stdio.problem(tokenOnly)).get().asString().isEqualTo("--stdio needs your workspace id (header "
                + "X-Workspace-Id) in the environment: set WORKSPACE_ID");
        Environment both = Environment.of(Map.of("WORKSPACE_API_TOKEN", "t", "WORKSPACE_ID", "ws-1"));
        assertThat(stdio.problem(both)).isEmpty();
        CommandLine lend = CommandLine.parse(new String[] {"--provider", "hitkeep,workspace", "--token-from-env",
                "--workspace-url", "https://w.example",
                "--base-url", "https://h.example"}, NONE, registry);
        assertThat(lend.problem(both)).get().asString()
                .isEqualTo("--token-from-env is set but HITKEEP_API_TOKEN is not");
        assertThat(CommandLine.parse(new String[] {"--provider", "hitkeep,workspace", "--token-from-env", "--bind",
                "0.0.0.0", "--workspace-url",
                "https://w.example", "--base-url", "https://h.example"}, NONE, registry).problem(both)).get().asString()
                .startsWith("--token-from-env lends HITKEEP_API_TOKEN, WORKSPACE_API_TOKEN to every request");
    }

    @Test
    void helpListsEveryProvidersFlagsVariablesAndHeaders() {
        String help = CommandLine.help(registry(new WorkspaceProvider()));
        assertThat(help).contains("--provider NAME", "hitkeep, workspace", "--hitkeep-url URL",
                "(alias --base-url, --hitkeep-base-url)", "[HITKEEP_BASE_URL]", "HITKEEP_API_TOKEN",
                "--workspace-url URL",
                "[WORKSPACE_BASE_URL]", "WORKSPACE_API_TOKEN", "header X-Workspace-Id", "(required)", "[WORKSPACE_ID]",
                "/<provider>/mcp");
        assertThat(CommandLine.HELP).doesNotContain("--workspace-url", "WORKSPACE_BASE_URL");
    }

    @Test
    void demoBackendsStartOnlyWithDemoAndStopWithTheServer() {
        WorkspaceProvider workspace = new WorkspaceProvider();
        ProviderRegistry registry = ProviderRegistry.of(List.of(workspace));
        Environment env = Environment.of(Map.of("WORKSPACE_API_TOKEN", "server-token", "WORKSPACE_ID", " ws-9 "));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        int code = Main.run(new String[] {"--stdio", "--workspace-url", "https://w.example"}, env,
                new ByteArrayInputStream(new byte[0]), o, e, registry);
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(workspace.demoStarts).hasValue(0);
        assertThat(workspace.lastConfig.baseUrl()).isEqualTo("https://w.example");
        assertThat(workspace.lastConfig.server()).get().satisfies(c -> {
            assertThat(c.token()).isEqualTo("server-token");
            assertThat(c.header("x-workspace-id")).contains("ws-9");
        });

        code = Main.run(new String[] {"--stdio", "--demo"}, NONE, new ByteArrayInputStream(new byte[0]), o, e,
                registry);
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(workspace.demoStarts).hasValue(1);
        assertThat(workspace.demoStops).hasValue(1);
        assertThat(workspace.lastConfig.baseUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(workspace.lastConfig.server()).get().satisfies(c -> assertThat(c.header("X-Workspace-Id"))
                .contains(WorkspaceProvider.DEMO_WORKSPACE));
    }
}
