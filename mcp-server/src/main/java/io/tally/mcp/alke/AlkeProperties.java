package io.tally.mcp.alke;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Alke properties an assistant may report on, as the operator configured them: Alke publishes no route that
 * lists properties, so the server cannot discover them, and a personal token may reach properties of several
 * organisations that the operator does not mean to expose.
 *
 * <p>Read from {@value #VARIABLE}: entries separated by commas, each a property UUID optionally followed by
 * {@code =} and a display name, e.g. {@code 6f1c2b9e-…=Shop, 0b7d4c2a-…=Blog}. Names cannot contain commas.
 *
 * @param byId property id to display name ({@code null} when none was given), in the configured order
 * @param source where the list came from, for the tool output ({@code ALKE_PROPERTIES}, {@code demo} or
 *               {@code none})
 */
record AlkeProperties(Map<UUID, String> byId, String source) {
    /** The environment variable the list is read from. */
    static final String VARIABLE = "ALKE_PROPERTIES";

    AlkeProperties {
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /**
     * Parses the variable's value; {@code null} or blank gives an empty list.
     *
     * @throws IllegalArgumentException naming the variable and the entry that is not a UUID
     */
    static AlkeProperties parse(@Nullable String value) {
        Map<UUID, String> out = new LinkedHashMap<>();
        if (value == null || value.trim().isEmpty()) {
            return new AlkeProperties(out, "none");
        }
        for (String entry : value.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String id = (eq < 0 ? e : e.substring(0, eq)).trim();
            String name = eq < 0 ? null : e.substring(eq + 1).trim();
            try {
                out.put(UUID.fromString(id), name == null || name.isEmpty() ? null : name);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(VARIABLE + " must list property UUIDs, each optionally followed by "
                        + "=name, separated by commas; '" + id + "' is not a UUID");
            }
        }
        return new AlkeProperties(out, VARIABLE);
    }

    /** Whether the property may be used. */
    boolean allows(UUID id) {
        return byId.containsKey(id);
    }

    /** The display name of an allowed property, when the operator gave one. */
    Optional<String> name(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }
}
