package io.tally.mcp.tool;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An HTTP header a provider's callers send besides their bearer token, e.g. a workspace id in {@code X-Workspace-Id}.
 * The MCP server reads it from each request, checks it, and hands it to the tools of that request only (inside
 * {@link CallerCredentials}); over stdio, or for requests that bring no token, its value comes from
 * {@link #variable()} in the environment.
 *
 * @param name        the header's name, e.g. {@code X-Workspace-Id}
 * @param description what to send, for error texts and {@code --help}, e.g. {@code your workspace id}
 * @param required    whether a request without it is refused (400) before any tool runs
 * @param variable    the environment variable that supplies it over stdio and with {@code --token-from-env}
 */
public record CallerHeader(String name, String description, boolean required, String variable) {
    /** The longest value accepted: ids and slugs, not documents. */
    public static final int MAX_VALUE_LENGTH = 256;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    /**
     * Checks the declaration.
     *
     * @throws IllegalArgumentException when the name is not an HTTP header name, is {@code Authorization}, or the
     *                                  variable is not an upper-case environment variable name
     */
    public CallerHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(variable, "variable");
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("header name must be letters, digits and '-', got '" + name + "'");
        }
        if (name.equalsIgnoreCase("Authorization")) {
            throw new IllegalArgumentException("header name: Authorization carries the bearer token already");
        }
        if (!VARIABLE.matcher(variable).matches()) {
            throw new IllegalArgumentException("variable must be an upper-case environment variable name such as "
                    + "ACME_WORKSPACE_ID, got '" + variable + "'");
        }
    }

    /**
     * Checks one value of this header.
     *
     * @return the trimmed value
     * @throws IllegalArgumentException naming the header when the value is blank, longer than
     *                                  {@value #MAX_VALUE_LENGTH} characters or holds anything but printable ASCII
     */
    public String check(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank; send " + description);
        }
        if (v.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_VALUE_LENGTH + " characters, got "
                    + v.length());
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < ' ' || c >= 127) {
                throw new IllegalArgumentException(name + " must be printable ASCII; send " + description);
            }
        }
        return v;
    }

    /** The header name in lower case, for case-insensitive lookups. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
