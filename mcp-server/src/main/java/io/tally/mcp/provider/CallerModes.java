package io.tally.mcp.provider;

import io.tally.mcp.tool.CallerCredentials;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Implemented by a {@link io.tally.mcp.tool.ProviderModule} whose callers see different tool sets depending on their
 * credential, as one provider's official server serves a key-scoped set to one kind of key and a management set to
 * another. The server then builds one MCP server per mode behind the same path and hands each request to the mode
 * of its caller's credentials ({@link #modeOf}): {@code tools/list} and {@code prompts/list} answer with that mode's
 * tools and prompts, and {@code initialize} with its instructions. A tool of another mode is still answered when
 * called, with a tool error that names the credential it needs (nothing is sent to the provider). Over stdio the
 * mode comes from the server-side credentials ({@link #serverMode()}).
 *
 * <p>A module that does not implement this interface serves all its tools to every caller.
 */
public interface CallerModes {
    /** The modes, at least one, with distinct names; together they cover every tool of the module. */
    List<Mode> modes();

    /**
     * The mode of a caller's credentials (the request's own, or the server's fallback for a request that brings
     * none).
     *
     * @return the name of one of {@link #modes()}
     * @throws IllegalArgumentException when the credentials fit no mode; the message says what to send instead
     */
    String modeOf(CallerCredentials caller);

    /**
     * The mode of calls that bring no credentials of their own (stdio): the mode of the server-side credentials the
     * module was created with; empty when it has none.
     *
     * @throws IllegalArgumentException when the server-side credentials fit no mode
     */
    Optional<String> serverMode();

    /** The mode by name. */
    default Mode mode(String name) {
        for (Mode m : modes()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no mode '" + name + "'");
    }

    /**
     * One tool set.
     *
     * @param name         the mode's short name, e.g. {@code manager} (letters, digits, '-' and '_'), used in texts
     *                     such as "a manager-mode tool" and in logs
     * @param credential   how a caller gets this mode, for error texts, e.g. {@code a PAT with X-Workspace-Id}
     * @param tools        the names of the tools listed in this mode
     * @param prompts      the names of the prompts listed in this mode
     * @param instructions the {@code initialize} instructions of this mode
     */
    record Mode(String name, String credential, Set<String> tools, Set<String> prompts, String instructions) {
        private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

        /**
         * Checks the mode.
         *
         * @throws IllegalArgumentException when the name is not a short word
         */
        public Mode {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "mode name must be letters, digits, '-' and '_', got '" + name + "'");
            }
            Objects.requireNonNull(credential, "credential");
            tools = Set.copyOf(tools);
            prompts = Set.copyOf(prompts);
            Objects.requireNonNull(instructions, "instructions");
        }
    }
}
