package io.tally.core.spi;

import io.tally.core.HttpHeaders;
import okhttp3.HttpUrl;

/** Fills in {@code {name}} placeholders of a route with checked, percent-encoded values. */
final class PathTemplate {
    private PathTemplate() {}

    /**
     * The path for messages and logs: like {@link #expand} but a placeholder whose name contains
     * "token" or "key" (share tokens, verification tokens) shows as the redaction mark.
     */
    static String display(String template, Object[] values) {
        if (noPlaceholders(template, values)) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = template.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT);
            Object value = values != null && next < values.length ? values[next] : null;
            next++;
            out.append(name.contains("token") || name.contains("key") ? HttpHeaders.REDACTED
                    : encodeSegment(String.valueOf(value)));
            i = end + 1;
        }
        return out.toString();
    }

    static String expand(String template, Object[] values) {
        if (noPlaceholders(template, values)) {
            return template; // a fixed route such as /api/sites
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int end = template.indexOf('}', i);
            if (end < 0) {
                throw new IllegalStateException("unclosed placeholder in route " + template);
            }
            String name = template.substring(i + 1, end);
            if (values == null || next >= values.length) {
                throw new IllegalStateException("route " + template + " needs a value for {" + name + "}");
            }
            Object value = values[next++];
            if (value == null) {
                throw new IllegalArgumentException(name + " must not be null");
            }
            String s = value.toString();
            if (s.trim().isEmpty()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            if (s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException(name + " must not be '" + s + "'");
            }
            out.append(encodeSegment(s));
            i = end + 1;
        }
        if (values != null && next != values.length) {
            throw new IllegalStateException("route " + template + " takes " + next + " values, got " + values.length);
        }
        return out.toString();
    }

    /**
     * Whether {@link #display} shows a placeholder's value as the redaction mark, so that it differs from
     * {@link #expand}; without such a placeholder the expanded path serves for both.
     */
    static boolean hidesValues(String template) {
        int open = template.indexOf('{');
        while (open >= 0) {
            int end = template.indexOf('}', open);
            if (end < 0) {
                return false; // expand refuses it
            }
            String name = template.substring(open + 1, end).toLowerCase(java.util.Locale.ROOT);
            if (name.contains("token") || name.contains("key")) {
                return true;
            }
            open = template.indexOf('{', end);
        }
        return false;
    }

    private static boolean noPlaceholders(String template, Object[] values) {
        return (values == null || values.length == 0) && template.indexOf('{') < 0;
    }

    private static String encodeSegment(String segment) {
        if (needsNoEscaping(segment)) {
            return segment; // ids and slugs: HttpUrl would give them back unchanged
        }
        // HttpUrl encodes a path segment fully, including '/', '?', '#' and '%'
        return HttpUrl.get("http://x/").newBuilder().addPathSegment(segment).build().encodedPath().substring(1);
    }

    /**
     * Whether every character is unreserved in a URL ({@code A-Z a-z 0-9 - . _ ~}), which a path
     * segment keeps as is; "." and ".." are left to HttpUrl, which treats them as dot segments.
     */
    private static boolean needsNoEscaping(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }
}
