package io.tally.core.internal;

import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.HttpHeaders;
import io.tally.core.Tally;
import io.tally.core.spi.ErrorDetails;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;

/**
 * Keeps one request's secrets out of what Tally shows: the values of secret headers are replaced
 * wherever headers are logged or attached to an exception, and any secret value a server quotes
 * back (an error body that echoes the token it was sent, a debug header) is replaced in bodies,
 * messages and headers too.
 */
public final class Redactor {
    /**
     * Shorter values are not searched for in text: they would match ordinary words and mangle
     * messages, and real credentials are far longer.
     */
    public static final int MIN_SCRUBBED_LENGTH = 6;

    private final Set<String> secretNames;
    private final List<String> secretValues;

    private Redactor(Set<String> secretNames, Collection<String> secretValues) {
        this.secretNames = secretNames;
        List<String> values = new ArrayList<>();
        for (String v : new LinkedHashSet<>(secretValues)) {
            if (v != null && v.length() >= MIN_SCRUBBED_LENGTH) {
                values.add(v);
            }
        }
        // longest first, so that a value containing another is replaced whole
        values.sort((a, b) -> b.length() - a.length());
        this.secretValues = values;
    }

    /**
     * The redactor for one request: secret header names from the client options and the credentials,
     * secret values from the credentials and from every header about to be sent under a secret name.
     */
    public static Redactor forRequest(ClientOptions options, Credentials credentials, Map<String, String> endpointHeaders,
                               Map<String, String> requestHeaders) {
        Set<String> names = new LinkedHashSet<>(options.secretHeaders());
        names.addAll(credentials.secretHeaderNames());
        List<String> values = new ArrayList<>(credentials.secretValues());
        addSecretValues(options.defaultHeaders(), names, values);
        addSecretValues(endpointHeaders, names, values);
        addSecretValues(requestHeaders, names, values);
        return new Redactor(names, values);
    }

    private static void addSecretValues(Map<String, String> headers, Set<String> names, List<String> into) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (Secrets.isSecretHeader(h.getKey(), names)) {
                into.add(h.getValue());
            }
        }
    }

    /** The header names whose values are always replaced. */
    public Set<String> secretNames() {
        return secretNames;
    }

    /** {@code text} with every known secret value replaced by {@link HttpHeaders#REDACTED}. */
    public String scrub(String text) {
        if (text == null || text.isEmpty() || secretValues.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secretValues) {
            if (out.contains(secret)) {
                out = out.replace(secret, HttpHeaders.REDACTED);
            }
        }
        return out;
    }

    /** Details with every field scrubbed. */
    public ErrorDetails scrubDetails(ErrorDetails details) {
        if (details == null || secretValues.isEmpty()) {
            return details;
        }
        return ErrorDetails.builder()
                .message(scrub(details.message()))
                .errorCode(scrub(details.errorCode()))
                .missingScope(scrub(details.missingScope()))
                .missingPermission(scrub(details.missingPermission()))
                .hint(scrub(details.hint()))
                .retryAt(details.retryAt())
                .build();
    }

    /** OkHttp headers as Tally headers: secret names redacted, secret values scrubbed from the rest. */
    public HttpHeaders headers(Headers headers) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(headers.name(i), scrub(headers.value(i))));
        }
        return HttpHeaders.of(pairs, secretNames);
    }
}
