package io.tally.mcp.hitkeep;

import io.tally.hitkeep.HitKeep;
import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.util.List;

/**
 * HitKeep's registration with the MCP server: {@code --hitkeep-url} (aliases {@code --base-url},
 * {@code --hitkeep-base-url}) or {@code HITKEEP_BASE_URL}, the token in {@code HITKEEP_API_TOKEN}, FakeHitKeep
 * with its demo data behind {@code --demo}, and {@link HitKeepModule}.
 */
public final class HitKeepProvider implements McpProvider {
    /** The provider's short name: {@code --provider hitkeep}, {@code /mcp/hitkeep}. */
    static final String NAME = "hitkeep";
    /** The provider's display name. */
    static final String DISPLAY_NAME = "HitKeep";
    /** The environment variable of the server-side HitKeep token. */
    static final String TOKEN_VARIABLE = "HITKEEP_API_TOKEN";

    /** Found by {@link java.util.ServiceLoader}. */
    public HitKeepProvider() {}

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
        return List.of("--hitkeep-url", "--base-url", "--hitkeep-base-url");
    }

    @Override
    public String baseUrlVariable() {
        return "HITKEEP_BASE_URL";
    }

    @Override
    public String exampleBaseUrl() {
        return "https://analytics.example.com";
    }

    @Override
    public String tokenVariable() {
        return TOKEN_VARIABLE;
    }

    @Override
    public DemoBackend startDemo() {
        FakeHitKeep fake = FakeHitKeep.builder().host("127.0.0.1").port(0).recordRequests(false).start();
        // viewer on every demo site
        return DemoBackend.of(fake.baseUrl(), CallerCredentials.bearer(HitKeepDemo.TOKEN), fake::close);
    }

    @Override
    public ProviderModule createModule(ProviderConfig config) {
        HitKeep.Builder b = config.configure(HitKeep.builder());
        config.server().ifPresent(c -> b.apiToken(c.token()));
        return HitKeepModule.create(b.build(), config.options());
    }
}
