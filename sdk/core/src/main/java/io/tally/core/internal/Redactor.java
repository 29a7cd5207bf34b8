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
import org.jspecify.annotations.Nullable;

/**
 * Keeps one request's secrets out of what Tally shows: the values of secret headers are replaced
 * wherever headers are logged or attached to an exception, and any secret value a server quotes
 * back (an error body that echoes the token it was sent, a debug header) is replaced in bodies,
 * messages and headers too.
 *
 * <p>Besides exact copies, text is scrubbed of a secret's URL-encoded forms ({@code %2B} or
 * {@code %2b}, {@code +} or {@code %20} for a space) and of any cut-short copy: a run of at least
 * {@link #MIN_SCRUBBED_PREFIX_LENGTH} characters that equals the start of a secret (a body or a
 * parser message truncated in the middle of a token) is replaced as well.
 */
public final class Redactor {
    /**
     * Shorter values are not searched for in text: they would match ordinary words and mangle
     * messages, and real credentials are far longer.
     */
    public static final int MIN_SCRUBBED_LENGTH = 6;

    /**
     * A truncated copy of a secret is scrubbed when at least this many of its leading characters
     * appear: eight characters are too many to be a coincidence in ordinary text, and fewer give away
     * too little of a real credential to matter.
     */
    public static final int MIN_SCRUBBED_PREFIX_LENGTH = 8;

    private final Set<String> secretNames;
    private final List<String> secretValues;

    private Redactor(Set<String> secretNames, Collection<String> secretValues) {
        this.secretNames = secretNames;
        List<String> values = new ArrayList<>();
        for (String v : new LinkedHashSet<>(secretValues)) {
            if (v != null && v.length() >= MIN_SCRUBBED_LENGTH) {
                for (String form : encodedForms(v)) {
                    if (!values.contains(form)) {
                        values.add(form);
                    }
                }
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
    public static Redactor forRequest(ClientOptions options, Credentials credentials,
            Map<String, String> endpointHeaders,
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

    /** {@link #scrub(String)} for text that may be absent (an exception's message): {@code null} stays {@code null}. */
    public @Nullable String scrubOrNull(@Nullable String text) {
        return text == null ? null : scrub(text);
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
        for (String secret : secretValues) {
            if (secret.length() > MIN_SCRUBBED_PREFIX_LENGTH) {
                out = scrubPrefixes(out, secret);
            }
        }
        return out;
    }

    /** Replaces every run of at least {@link #MIN_SCRUBBED_PREFIX_LENGTH} characters that starts {@code secret}. */
    private static String scrubPrefixes(String text, String secret) {
        String head = secret.substring(0, MIN_SCRUBBED_PREFIX_LENGTH);
        int at = text.indexOf(head);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            int len = MIN_SCRUBBED_PREFIX_LENGTH;
            while (len < secret.length() && at + len < text.length() && text.charAt(at + len) == secret.charAt(len)) {
                len++;
            }
            out.append(text, copied, at).append(HttpHeaders.REDACTED);
            copied = at + len;
            at = text.indexOf(head, copied);
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The secret and the forms in which a URL or a form body would carry it. */
    private static Set<String> encodedForms(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String form;
        try {
            form = java.net.URLEncoder.encode(secret, "UTF-8");
        } catch (java.io.UnsupportedEncodingException impossible) {
            return forms;
        }
        String percent = form.replace("+", "%20");
        for (String f : new String[] {form, percent}) {
            forms.add(f);
            forms.add(lowerCaseEscapes(f));
        }
        return forms;
    }

    private static String lowerCaseEscapes(String encoded) {
        StringBuilder sb = new StringBuilder(encoded);
        for (int i = 0; i < sb.length(); i++) {
            if (sb.charAt(i) == '%' && i + 2 < sb.length()) {
                sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
                sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
            }
        }
        return sb.toString();
    }

    /** Details with every field scrubbed. */
    public ErrorDetails scrubDetails(ErrorDetails details) {
        if (details == null || secretValues.isEmpty()) {
            return details;
        }
        return ErrorDetails.builder()
                .message(scrubOrNull(details.message()))
                .errorCode(scrubOrNull(details.errorCode()))
                .missingScope(scrubOrNull(details.missingScope()))
                .missingPermission(scrubOrNull(details.missingPermission()))
                .hint(scrubOrNull(details.hint()))
                .denialReason(details.denialReason())
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
