package io.tally.mcp.provider;

import io.tally.mcp.tool.CallerHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The providers this server implements, each registered once ({@link McpProvider}). The standard registry
 * ({@link #discovered()}) finds them with {@link ServiceLoader}; tests build their own with {@link #of(List)}.
 * Checks that names, flags and environment variables do not collide.
 */
public final class ProviderRegistry {
    /** Every provider Tally knows of, implemented here or not yet: a name outside it is a typo. */
    public static final List<String> KNOWN = List.of("hitkeep", "engagetrack", "alephant", "altertable", "alke");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9-]*");
    private static volatile @Nullable ProviderRegistry discovered;

    private final Map<String, McpProvider> byName;
    private final Map<String, McpProvider> byFlag;
    private final Map<String, McpProvider> byCommand;

    private ProviderRegistry(Map<String, McpProvider> byName, Map<String, McpProvider> byFlag,
            Map<String, McpProvider> byCommand) {
        this.byName = byName;
        this.byFlag = byFlag;
        this.byCommand = byCommand;
    }

    /**
     * The providers on the class path ({@code META-INF/services/io.tally.mcp.provider.McpProvider}), in the order that
     * file lists them: the first is what {@code --stdio} serves when no {@code --provider} is given, so it stays
     * HitKeep's (the only provider before there were several).
     */
    public static ProviderRegistry discovered() {
        ProviderRegistry r = discovered;
        if (r == null) {
            List<McpProvider> found = new ArrayList<>();
            ServiceLoader.load(McpProvider.class, ProviderRegistry.class.getClassLoader()).forEach(found::add);
            r = of(found);
            discovered = r;
        }
        return r;
    }

    /**
     * A registry of the given providers, in this order.
     *
     * @throws IllegalArgumentException when a name is not lower-case letters, digits and '-', is {@code mcp}, or
     *                                  two providers share a name, a flag or an environment variable
     */
    public static ProviderRegistry of(List<McpProvider> providers) {
        Map<String, McpProvider> byName = new LinkedHashMap<>();
        Map<String, McpProvider> byFlag = new HashMap<>();
        Map<String, McpProvider> byCommand = new HashMap<>();
        Map<String, String> variables = new HashMap<>();
        for (McpProvider p : providers) {
            String name = p.name();
            if (name == null || !NAME.matcher(name).matches() || name.equals("mcp")) {
                throw new IllegalArgumentException("provider name must be lower-case letters, digits and '-' (not "
                        + "'mcp'), got '" + name + "'");
            }
            if (byName.putIfAbsent(name, p) != null) {
                throw new IllegalArgumentException("provider '" + name + "' is registered twice");
            }
            if (p.baseUrlFlags().isEmpty()) {
                throw new IllegalArgumentException("provider '" + name + "' declares no base-URL flag");
            }
            for (String flag : p.baseUrlFlags()) {
                if (!FLAG.matcher(flag).matches()) {
                    throw new IllegalArgumentException("provider '" + name + "': flag must look like --name-url, got '"
                            + flag + "'");
                }
                McpProvider other = byFlag.putIfAbsent(flag, p);
                if (other != null) {
                    throw new IllegalArgumentException("flag " + flag + " is claimed by both " + other.name() + " and "
                            + name);
                }
            }
            for (ProviderCommand command : p.commands()) {
                McpProvider other = byFlag.containsKey(command.flag()) ? byFlag.get(command.flag())
                        : byCommand.putIfAbsent(command.flag(), p);
                if (other != null) {
                    throw new IllegalArgumentException("flag " + command.flag() + " is claimed by both " + other.name()
                            + " and " + name);
                }
            }
            List<String> vars = new ArrayList<>(List.of(p.baseUrlVariable(), p.tokenVariable()));
            for (CallerHeader h : p.callerHeaders()) {
                vars.add(h.variable());
            }
            for (String v : vars) {
                String other = variables.putIfAbsent(v, name);
                if (other != null) {
                    throw new IllegalArgumentException("environment variable " + v + " is claimed by both " + other
                            + " and " + name);
                }
            }
        }
        for (Map.Entry<String, McpProvider> command : byCommand.entrySet()) {
            McpProvider other = byFlag.get(command.getKey());
            if (other != null) {
                throw new IllegalArgumentException("flag " + command.getKey() + " is claimed by both " + other.name()
                        + " and " + command.getValue().name());
            }
        }
        return new ProviderRegistry(Collections.unmodifiableMap(byName), Collections.unmodifiableMap(byFlag),
                Collections.unmodifiableMap(byCommand));
    }

    /** The providers, in registration order. */
    public List<McpProvider> providers() {
        return List.copyOf(byName.values());
    }

    /** The names of the providers. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** A provider by name. */
    public Optional<McpProvider> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * A provider by name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the implemented providers when {@code name} is unknown, or known but
     *                                  not implemented by this server yet
     */
    public McpProvider require(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        McpProvider p = byName.get(n);
        if (p != null) {
            return p;
        }
        String implemented = "; this server implements " + String.join(", ", byName.keySet());
        if (KNOWN.contains(n)) {
            throw new IllegalArgumentException("provider '" + n + "' is not implemented by this server yet"
                    + implemented);
        }
        throw new IllegalArgumentException("unknown provider '" + name.trim() + "'" + implemented);
    }

    /** The provider whose one-shot command ({@link ProviderCommand}) this flag is. */
    public Optional<McpProvider> byCommand(String flag) {
        return Optional.ofNullable(byCommand.get(flag));
    }

    /** The provider whose base-URL flag this is. */
    public Optional<McpProvider> byFlag(String flag) {
        return Optional.ofNullable(byFlag.get(flag));
    }
}
