package io.tally.mcp.engagetrack;

import io.tally.engagetrack.EngageTrack;
import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.CallerToken;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.engagetrack.EngageTrackDemo;
import io.tally.testkit.engagetrack.FakeEngageTrack;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * EngageTrack's registration with the MCP server: {@code --engagetrack-url} or {@code ENGAGETRACK_BASE_URL}, the
 * API key in {@code ENGAGETRACK_API_KEY}, the organisation in the {@code X-EngageTrack-Org-Id} header or
 * {@code ENGAGETRACK_ORG_ID}, FakeEngageTrack behind {@code --demo}, and {@link EngageTrackModule}. The operator
 * leaves out the visitor tools (personal data) with {@code ENGAGETRACK_MCP_VISITOR_TOOLS=off}.
 */
public final class EngageTrackProvider implements McpProvider {
    /** The provider's short name: {@code --provider engagetrack}, {@code /mcp/engagetrack}. */
    static final String NAME = "engagetrack";
    /** The provider's display name. */
    static final String DISPLAY_NAME = "EngageTrack";
    /** The environment variable of the server-side API key. */
    static final String TOKEN_VARIABLE = "ENGAGETRACK_API_KEY";
    /** The environment variable that switches the visitor tools off ({@code off}, {@code false} or {@code 0}). */
    static final String VISITOR_TOOLS_VARIABLE = "ENGAGETRACK_MCP_VISITOR_TOOLS";
    /** The organisation each caller reads. */
    static final CallerHeader ORGANIZATION = new CallerHeader("X-EngageTrack-Org-Id",
            "your EngageTrack organisation id (or set ENGAGETRACK_ORG_ID on the server)", false, "ENGAGETRACK_ORG_ID");

    /** Found by {@link java.util.ServiceLoader}. */
    public EngageTrackProvider() {}

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
        return List.of("--engagetrack-url");
    }

    @Override
    public String baseUrlVariable() {
        return "ENGAGETRACK_BASE_URL";
    }

    @Override
    public String exampleBaseUrl() {
        return EngageTrack.DEFAULT_BASE_URL;
    }

    @Override
    public String tokenVariable() {
        return TOKEN_VARIABLE;
    }

    @Override
    public List<CallerHeader> callerHeaders() {
        return List.of(ORGANIZATION);
    }

    @Override
    public DemoBackend startDemo() {
        FakeEngageTrack fake = FakeEngageTrack.builder().recordRequests(false).start();
        // every scope, so that every tool answers from the demo data
        return DemoBackend.of(fake.baseUrl(), CallerCredentials.of(CallerToken.of(EngageTrackDemo.API_KEY),
                Map.of(ORGANIZATION.name(), EngageTrackDemo.ORG_ID)), fake::close);
    }

    @Override
    public ProviderModule createModule(ProviderConfig config) {
        EngageTrack.Builder b = config.configure(EngageTrack.builder());
        config.server().ifPresent(c -> {
            b.apiKey(c.token());
            c.header(ORGANIZATION.name()).ifPresent(b::organizationId);
        });
        String orgFromEnv = System.getenv("ENGAGETRACK_ORG_ID");
        if (orgFromEnv != null && !orgFromEnv.trim().isEmpty()) {
            b.organizationId(orgFromEnv.trim());
        }
        return EngageTrackModule.create(b.build(), config.options(),
                visitorToolsEnabled(System.getenv(VISITOR_TOOLS_VARIABLE)));
    }

    /** Whether the operator's setting of {@value #VISITOR_TOOLS_VARIABLE} keeps the visitor tools (the default). */
    static boolean visitorToolsEnabled(String setting) {
        if (setting == null || setting.trim().isEmpty()) {
            return true;
        }
        String v = setting.trim().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("false") || v.equals("0") || v.equals("no")) {
            return false;
        }
        if (v.equals("on") || v.equals("true") || v.equals("1") || v.equals("yes")) {
            return true;
        }
        throw new IllegalArgumentException(VISITOR_TOOLS_VARIABLE + " must be on or off, got '" + setting + "'");
    }
}
