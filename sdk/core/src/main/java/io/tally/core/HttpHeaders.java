package io.tally.core;

import io.tally.core.internal.Secrets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable, case-insensitive HTTP headers of a response. Values of secret headers
 * ({@code Authorization}, {@code X-API-Key}, {@code Cookie}, {@code Set-Cookie} and any header the
 * client was configured to treat as secret) are replaced by {@value #REDACTED} before they are
 * stored here, so headers can be logged and attached to exceptions safely.
 */
public final class HttpHeaders {
    /** What a secret header value is replaced with. */
    public static final String REDACTED = "██";

    private static final HttpHeaders EMPTY = new HttpHeaders(Collections.emptyMap());

    private final Map<String, List<String>> values; // keys lower-cased

    private HttpHeaders(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Headers with no entries. */
    public static HttpHeaders empty() {
        return EMPTY;
    }

    /**
     * Builds headers from name/value pairs, redacting the values of headers named in
     * {@code secretNames} (compared case-insensitively).
     */
    public static HttpHeaders of(Iterable<Map.Entry<String, String>> pairs, Set<String> secretNames) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            String key = pair.getKey().toLowerCase(Locale.ROOT);
            String value = Secrets.isSecretHeader(key, secretNames) ? REDACTED : pair.getValue();
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new HttpHeaders(Collections.unmodifiableMap(map));
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Every value of the header, in order; empty when absent. */
    public List<String> all(String name) {
        List<String> list = values.get(name.toLowerCase(Locale.ROOT));
        return list == null ? Collections.emptyList() : list;
    }

    /** The header names present, lower-cased and sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(values.keySet()));
    }

    /** The headers as a map of lower-cased name to values. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
