package io.tally.mcp.provider;

import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.ProviderModule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One provider's registration with the MCP server: everything the server needs to know about it, given once.
 * {@link ProviderRegistry} discovers implementations with {@link java.util.ServiceLoader}: adding a provider is
 * one package with an implementation plus one line in {@code META-INF/services/io.tally.mcp.provider.McpProvider}.
 * {@code Main}, the command line and the generic {@code tool} package only ever see this interface.
 *
 * <p>Implementations need a public no-argument constructor and must not start anything until asked: the demo
 * backend only with {@code --demo} ({@link #startDemo()}), the module only for a provider that is served.
 */
public interface McpProvider {
    /** The provider's short name: {@code --provider} value and path segment ({@code /mcp/<name>}). */
    String name();

    /** The provider's display name, e.g. {@code HitKeep}. */
    String displayName();

    /**
     * The flags that set the provider's base URL: first the provider's own ({@code --<name>-url}), then any
     * aliases. Every provider's flags are distinct.
     */
    List<String> baseUrlFlags();

    /** The environment variable of the base URL, e.g. {@code HITKEEP_BASE_URL}. */
    String baseUrlVariable();

    /** An example base URL for {@code --help} and error texts. */
    String exampleBaseUrl();

    /**
     * The base URL used when neither the flags nor the variable give one: a hosted API's documented address (Alke
     * Analytics' {@code https://api-analytics.alketech.eu}); {@code null} (the default) for self-hosted providers,
     * whose base URL must be given.
     */
    default @Nullable String defaultBaseUrl() {
        return null;
    }

    /**
     * The environment variable of the server-side API token ({@code --stdio}, {@code --token-from-env}); tokens
     * are never flags, so they stay out of process lists.
     */
    String tokenVariable();

    /** The headers callers send besides the bearer token, e.g. {@code X-Workspace-Id} (none by default). */
    default List<CallerHeader> callerHeaders() {
        return List.of();
    }

    /** One-shot commands besides serving, e.g. {@code --audit} (none by default). */
    default List<ProviderCommand> commands() {
        return List.of();
    }

    /**
     * Runs one of {@link #commands()} once, with the server-side credentials in {@code config} (from the environment,
     * or the demo's), instead of serving.
     *
     * @param flag   the command's flag
     * @param config the base URL, credentials and client settings, as for {@link #createModule}
     * @param out    where the command's report goes
     * @param err    where failures go
     * @return the exit code: 0 when it succeeded
     * @throws IllegalArgumentException when {@code flag} is not one of {@link #commands()}
     */
    default int runCommand(String flag, ProviderConfig config, java.io.PrintStream out, java.io.PrintStream err) {
        throw new IllegalArgumentException(name() + " has no command " + flag);
    }

    /** Starts the provider's demo backend (a fake with demo data). Called only with {@code --demo}. */
    DemoBackend startDemo();

    /** Builds the provider's module: its base client, tools, prompts, resources and error translation. */
    ProviderModule createModule(ProviderConfig config);
}
