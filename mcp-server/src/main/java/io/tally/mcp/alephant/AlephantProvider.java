package io.tally.mcp.alephant;

import io.tally.alephant.Alephant;
import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderCommand;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Alephant's registration with the MCP server: {@code --alephant-url} (alias {@code --alephant-base-url}) or
 * {@code ALEPHANT_API_BASE_URL} (the official server's variable; default {@code https://alephant.io}), the
 * caller's credential as the bearer token (a {@code vk-} virtual key, or a PAT with {@code X-Workspace-Id}),
 * over stdio {@code ALEPHANT_PAT} (or a {@code vk-} value) and {@code ALEPHANT_WORKSPACE_ID}, the official
 * server's {@code ALEPHANT_RATE_LIMIT_RPM} ({@link CallBudget}) and {@code --audit} ({@link AlephantAudit}),
 * FakeAlephant behind {@code --demo}, and
 * {@link AlephantModule}.
 */
public final class AlephantProvider implements McpProvider {
    /** The provider's short name: {@code --provider alephant}, {@code /mcp/alephant}. */
    static final String NAME = "alephant";
    /** The provider's display name. */
    static final String DISPLAY_NAME = "Alephant";
    /** The environment variable of the server-side credential: a PAT, or a {@code vk-} virtual key. */
    static final String TOKEN_VARIABLE = "ALEPHANT_PAT";
    /** The workspace header a PAT needs. */
    static final CallerHeader WORKSPACE = new CallerHeader("X-Workspace-Id",
            "your Alephant workspace id (with a PAT; a vk- virtual key needs none)", false, "ALEPHANT_WORKSPACE_ID");

    /** Found by {@link java.util.ServiceLoader}. */
    public AlephantProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return DISPLAY_NAME;
    }

    @Override
    public List<String> baseUrlFlags() {
        return List.of("--alephant-url", "--alephant-base-url");
    }

    @Override
    public String baseUrlVariable() {
        return "ALEPHANT_API_BASE_URL";
    }

    @Override
    public String exampleBaseUrl() {
        return Alephant.DEFAULT_BASE_URL;
    }

    @Override
    public String tokenVariable() {
        return TOKEN_VARIABLE;
    }

    @Override
    public List<CallerHeader> callerHeaders() {
        return List.of(WORKSPACE);
    }

    @Override
    public DemoBackend startDemo() {
        FakeAlephant fake = FakeAlephant.builder().recordRequests(false).start();
        // manager mode with every scope; send 'Authorization: Bearer vk-demo-agent-support' for VK mode
        return DemoBackend.of(fake.baseUrl(), CallerCredentials.of(CallerToken.of(AlephantDemo.ADMIN_PAT),
                Map.of(WORKSPACE.name(), AlephantDemo.WORKSPACE_ID)), fake::close);
    }

    @Override
    public List<ProviderCommand> commands() {
        return List
                .of(new ProviderCommand(AlephantAudit.FLAG, "Prints the virtual key's scope and billing-cycle usage, "
                        + "or the PAT's workspace overview, as one JSON line on stdout (at most 64 KiB, never the credential)."));
    }

    @Override
    public int runCommand(String flag, ProviderConfig config, PrintStream out, PrintStream err) {
        if (!AlephantAudit.FLAG.equals(flag)) {
            return McpProvider.super.runCommand(flag, config, out, err);
        }
        CallerCredentials credentials = config.server()
                .orElseThrow(() -> new IllegalArgumentException(flag + " needs ALEPHANT_PAT (a PAT or a vk- key)"));
        return AlephantAudit.run(base(config), credentials, out, err);
    }

    /** The base client without credentials; {@code ALEPHANT_ANALYTICS_BASE_URL} moves the Analytics API host. */
    private static Alephant base(ProviderConfig config) {
        Alephant.Builder b = config.configure(Alephant.builder());
        String analytics = System.getenv("ALEPHANT_ANALYTICS_BASE_URL");
        if (analytics != null && !analytics.isBlank()) {
            b.analyticsBaseUrl(analytics);
        }
        return b.build();
    }

    @Override
    public ProviderModule createModule(ProviderConfig config) {
        Alephant base = base(config);
        CallBudget budget = new CallBudget(CallBudget.parse(System.getenv(CallBudget.VARIABLE)), System::nanoTime);
        return AlephantModule.create(base, config.server().orElse(null), config.options(), budget);
    }
}
