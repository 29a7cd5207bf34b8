package io.tally.mcp.provider;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A one-shot command a provider offers besides serving, as its official server does (Alephant's {@code --audit}):
 * a flag without a value that the command line accepts for that provider; with it given, the server runs the
 * command once ({@link McpProvider#runCommand}) with the server-side credentials from the environment (or the
 * demo's with {@code --demo}) and exits instead of serving.
 *
 * @param flag        the flag, e.g. {@code --audit}
 * @param description what it prints, for {@code --help}
 */
public record ProviderCommand(String flag, String description) {
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*");

    /**
     * Checks the declaration.
     *
     * @throws IllegalArgumentException when the flag does not look like {@code --name}
     */
    public ProviderCommand {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(description, "description");
        if (!FLAG.matcher(flag).matches()) {
            throw new IllegalArgumentException("command flag must look like --name, got '" + flag + "'");
        }
    }
}
