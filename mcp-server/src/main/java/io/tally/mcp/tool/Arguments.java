package io.tally.mcp.tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one tool call, read leniently (a number may come as {@code "10"}, a boolean as {@code "true"})
 * and checked strictly: a value of the wrong kind fails with a {@link ToolFailure} that names the argument and
 * says what is expected.
 */
public final class Arguments {
    private final Map<String, Object> values;

    private Arguments(Map<String, Object> values) {
        this.values = values;
    }

    /** The arguments of a call; {@code null} means none. */
    public static Arguments of(Map<String, Object> values) {
        return new Arguments(values == null ? Collections.emptyMap() : new LinkedHashMap<>(values));
    }

    /** Whether the argument is present and not null. */
    public boolean has(String name) {
        Object v = values.get(name);
        return v != null && !(v instanceof String s && s.trim().isEmpty());
    }

    /** A required, non-blank string. */
    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> new ToolFailure(name + " is required"));
    }

    /** An optional string, trimmed; blank counts as absent. */
    public Optional<String> optionalString(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
            throw new ToolFailure(name + " must be a string");
        }
        String s = v.toString().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A required UUID, lower-cased, failing with {@code invalid <name>}. */
    public String requiredUuid(String name) {
        String s = optionalString(name).orElseThrow(() -> new ToolFailure(name + " is required"));
        return uuid(name, s);
    }

    /** An optional UUID, lower-cased. */
    public Optional<String> optionalUuid(String name) {
        return optionalString(name).map(s -> uuid(name, s));
    }

    private static String uuid(String name, String s) {
        try {
            UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ToolFailure("invalid " + name + " '" + s + "': expected a UUID such as "
                    + "3f1c2a9e-5b7d-4e21-9a8c-1d2e3f4a5b6c");
        }
        if (s.length() != 36) {
            throw new ToolFailure("invalid " + name + " '" + s + "': expected a UUID in the 8-4-4-4-12 form");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** An optional whole number. */
    public Optional<Long> optionalLong(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new ToolFailure(name + " must be a whole number, got " + v);
            }
            return Optional.of(n.longValue());
        }
        if (v instanceof String s && !s.trim().isEmpty()) {
            try {
                return Optional.of(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                throw new ToolFailure(name + " must be a whole number, got '" + s + "'");
            }
        }
        if (v instanceof String) {
            return Optional.empty();
        }
        throw new ToolFailure(name + " must be a whole number");
    }

    /** An optional whole number in {@code int} range. */
    public Optional<Integer> optionalInt(String name) {
        return optionalLong(name).map(l -> {
            if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                throw new ToolFailure(name + " is out of range: " + l);
            }
            return l.intValue();
        });
    }

    /** An optional number (integer or decimal). */
    public Optional<Double> optionalDouble(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        if (v instanceof String s && !s.trim().isEmpty()) {
            try {
                return Optional.of(Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                throw new ToolFailure(name + " must be a number, got '" + s + "'");
            }
        }
        if (v instanceof String) {
            return Optional.empty();
        }
        throw new ToolFailure(name + " must be a number");
    }

    /** An optional boolean; {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                return fallback;
            }
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
        }
        throw new ToolFailure(name + " must be true or false, got " + v);
    }

    /** An optional string that must be one of {@code allowed} (compared case-insensitively; the canonical form is returned). */
    public Optional<String> optionalChoice(String name, List<String> allowed, String errorFormat) {
        return optionalString(name).map(s -> {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s)) {
                    return a;
                }
            }
            throw new ToolFailure(
                    String.format(Locale.ROOT, errorFormat, s) + "; expected one of " + String.join(", ", allowed));
        });
    }

    /** An optional list of strings; a single string counts as a one-element list. */
    public List<String> stringList(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (o == null || o instanceof Map || o instanceof List) {
                    throw new ToolFailure(name + " must be an array of strings");
                }
                String s = o.toString().trim();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }
        if (v instanceof String s) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
            return out;
        }
        throw new ToolFailure(name + " must be an array of strings");
    }

    /** An optional list of objects. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> objectList(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Collections.emptyList();
        }
        if (!(v instanceof List<?> list)) {
            throw new ToolFailure(name + " must be an array of objects");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw new ToolFailure(name + " must be an array of objects");
            }
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    /** An optional object with free-form values. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> optionalObject(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map)) {
            throw new ToolFailure(name + " must be an object");
        }
        return Optional.of((Map<String, Object>) v);
    }

    /** The raw value, or {@code null}. */
    public @Nullable Object raw(String name) {
        return values.get(name);
    }
}
