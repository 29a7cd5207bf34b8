package io.tally.mcp.alke;

import io.tally.alke.Alke;
import io.tally.alke.AlkeToken;
import io.tally.core.Environment;
import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.alke.AlkeDemo;
import io.tally.testkit.alke.FakeAlke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Alke Analytics' registration with the MCP server: {@code --alke-url} or {@code ALKE_BASE_URL}, the token in
 * {@code ALKE_API_TOKEN}, the allowed properties in {@code ALKE_PROPERTIES}, FakeAlke with its two demo properties
 * behind {@code --demo}, and {@link AlkeModule}.
 */
public final class AlkeProvider implements McpProvider {
    /** The provider's short name: {@code --provider alke}, {@code /mcp/alke}. */
    static final String NAME = "alke";
    /** The provider's display name. */
    static final String DISPLAY_NAME = "Alke Analytics";
    /** The environment variable of the server-side Alke token. */
    static final String TOKEN_VARIABLE = "ALKE_API_TOKEN";

    private final Environment env;
    /** The demo fake this registration started, or {@code null}: its properties are the demo's allowed ones. */
    private volatile @Nullable FakeAlke demo;

    /** Found by {@link java.util.ServiceLoader}; reads {@code ALKE_PROPERTIES} from the process environment. */
    public AlkeProvider() {
        this(Environment.system());
    }

    AlkeProvider(Environment env) {
        this.env = env;
    }

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
        return List.of("--alke-url");
    }

    @Override
    public String baseUrlVariable() {
        return "ALKE_BASE_URL";
    }

    @Override
    public String exampleBaseUrl() {
        return Alke.DEFAULT_BASE_URL;
    }

    /** Alke is hosted: its documented API address unless {@code --alke-url} or {@code ALKE_BASE_URL} says otherwise. */
    @Override
    public String defaultBaseUrl() {
        return Alke.DEFAULT_BASE_URL;
    }

    @Override
    public String tokenVariable() {
        return TOKEN_VARIABLE;
    }

    @Override
    public DemoBackend startDemo() {
        FakeAlke fake = FakeAlke.builder().host("127.0.0.1").port(0).recordRequests(false).start();
        this.demo = fake;
        // reads both demo properties
        return DemoBackend.of(fake.baseUrl(), CallerCredentials.bearer(AlkeDemo.TOKEN), fake::close);
    }

    @Override
    public ProviderModule createModule(ProviderConfig config) {
        Alke.Builder b = config.configure(Alke.builder());
        config.server().ifPresent(c -> b.token(AlkeToken.serviceAccount(c.token())));
        return AlkeModule.create(b.build(), properties(config), config.options());
    }

    /** The demo's two properties when serving the demo fake; else the operator's {@code ALKE_PROPERTIES}. */
    private AlkeProperties properties(ProviderConfig config) {
        FakeAlke fake = demo;
        if (fake != null && fake.baseUrl().equals(config.baseUrl())) {
            Map<UUID, String> names = new LinkedHashMap<>(fake.properties());
            return new AlkeProperties(names, "demo");
        }
        return AlkeProperties.parse(env.get(AlkeProperties.VARIABLE).orElse(null));
    }
}
