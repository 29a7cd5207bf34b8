package io.tally.mcp.tool;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The MCP face of one analytics provider: served at {@code /mcp/<name>} over HTTP, or alone over stdio.
 * Implementations hold a provider SDK client without a token and derive one per call from the caller's credentials
 * ({@link CallerClients}).
 */
public interface ProviderModule extends AutoCloseable {
    /** The path segment and short name, e.g. {@code acme}. */
    String name();

    /** The provider's display name, e.g. {@code Acme Analytics}. */
    String displayName();

    /** Guidance sent to the client in the initialize result. */
    String instructions();

    /** The tools, in the order they are listed. */
    List<ToolSpec> tools();

    /** Static resources (help texts). */
    List<ResourceSpec> resources();

    /** Prompt templates (none by default). */
    default List<PromptSpec> prompts() {
        return List.of();
    }

    /**
     * The provider headers its callers send besides the bearer token (none by default): the HTTP server reads
     * them from each request and refuses a request that lacks a required one (400).
     */
    default List<CallerHeader> callerHeaders() {
        return List.of();
    }

    /**
     * Refuses an HTTP request before any tool runs when its credentials cannot work together (400), e.g. a
     * personal token without the {@code X-Workspace-Id} that another kind of key does not need; {@code null} (the default)
     * lets it through.
     *
     * @param bearerToken the caller's bearer token, or {@code null} when the request brings none
     * @param headers     the provider headers the request carries, checked, by name
     * @return what is wrong and how to fix it, or {@code null}
     */
    default @Nullable String refuseCaller(@Nullable String bearerToken, java.util.Map<String, String> headers) {
        return null;
    }

    /** Turns SDK exceptions into tool error messages. */
    ErrorTranslator errorTranslator();

    /** Releases what the module holds (nothing by default). */
    @Override
    default void close() {}
}
