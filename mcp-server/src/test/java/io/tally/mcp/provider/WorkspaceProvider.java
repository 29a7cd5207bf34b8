package io.tally.mcp.provider;

import io.tally.mcp.tool.CallerClients;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.ErrorTranslator;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ResourceSpec;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.StandardErrorTranslator;
import io.tally.mcp.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test registration shaped like Alephant: callers send a bearer token plus a required {@code X-Workspace-Id}.
 * Its one tool, {@code workspace_whoami}, answers with what the call's client was built from, so tests see
 * exactly which credentials reached the provider side. Counts demo starts and stops.
 */
public final class WorkspaceProvider implements McpProvider {
    /** The header its callers send. */
    public static final CallerHeader WORKSPACE = new CallerHeader("X-Workspace-Id", "your workspace id", true,
            "WORKSPACE_ID");
    /** The demo token and workspace. */
    public static final String DEMO_TOKEN = "ws-demo-token";
    public static final String DEMO_WORKSPACE = "ws-demo";

    /** How often {@link #startDemo()} ran. */
    public final AtomicInteger demoStarts = new AtomicInteger();
    /** How often a demo backend was closed. */
    public final AtomicInteger demoStops = new AtomicInteger();
    /** The config of the last module built. */
    public volatile ProviderConfig lastConfig;

    @Override
    public String name() {
        return "workspace";
    }

    @Override
    public String displayName() {
        return "Workspace";
    }

    @Override
    public List<String> baseUrlFlags() {
        return List.of("--workspace-url");
    }

    @Override
    public String baseUrlVariable() {
        return "WORKSPACE_BASE_URL";
    }

    @Override
    public String exampleBaseUrl() {
        return "https://workspace.example.com";
    }

    @Override
    public String tokenVariable() {
        return "WORKSPACE_API_TOKEN";
    }

    @Override
    public List<CallerHeader> callerHeaders() {
        return List.of(WORKSPACE);
    }

    @Override
    public DemoBackend startDemo() {
        demoStarts.incrementAndGet();
        return new DemoBackend() {
            @Override
            public String baseUrl() {
                return "http://127.0.0.1:9";
            }

            @Override
            public CallerCredentials credentials() {
                return CallerCredentials.of(io.tally.mcp.tool.CallerToken.of(DEMO_TOKEN),
                        Map.of(WORKSPACE.name(), DEMO_WORKSPACE));
            }

            @Override
            public void close() {
                demoStops.incrementAndGet();
            }
        };
    }

    @Override
    public ProviderModule createModule(ProviderConfig config) {
        lastConfig = config;
        return new Module(config);
    }

    /** The module: one tool that reports the credentials its client was derived from. */
    private final class Module implements ProviderModule {
        private final CallerClients<Map<String, Object>> clients;
        private final ErrorTranslator errors;

        Module(ProviderConfig config) {
            Map<String, Object> base = new LinkedHashMap<>();
            config.server().ifPresent(c -> describe(base, c));
            clients = new CallerClients<>(displayName(), tokenVariable(), callerHeaders(), base,
                    config.server().isPresent(), (b, caller) -> describe(new LinkedHashMap<>(), caller));
            errors = new StandardErrorTranslator(displayName(), config.baseUrl(), baseUrlFlags().get(0)) {};
        }

        private Map<String, Object> describe(Map<String, Object> out, CallerCredentials c) {
            out.put("caller", c.shortHash());
            out.put("workspace", c.header(WORKSPACE.name()).orElse(""));
            return out;
        }

        @Override
        public String name() {
            return WorkspaceProvider.this.name();
        }

        @Override
        public String displayName() {
            return WorkspaceProvider.this.displayName();
        }

        @Override
        public String instructions() {
            return "Test provider.";
        }

        @Override
        public List<ToolSpec> tools() {
            Map<String, Object> input = Schema.object().closed().build();
            Map<String, Object> output = Schema.object()
                    .property("caller", Schema.string("Short hash of the caller's token."))
                    .property("workspace", Schema.string("The workspace the call acts in."))
                    .required("caller", "workspace")
                    .build();
            return List.of(new ToolSpec("workspace_whoami", "Who am I", "The credentials of this call.", input,
                    output, true, (ctx, args) -> new LinkedHashMap<>(clients.forCall(ctx))));
        }

        @Override
        public List<ResourceSpec> resources() {
            return List.of();
        }

        @Override
        public List<CallerHeader> callerHeaders() {
            return WorkspaceProvider.this.callerHeaders();
        }

        @Override
        public ErrorTranslator errorTranslator() {
            return errors;
        }
    }
}
