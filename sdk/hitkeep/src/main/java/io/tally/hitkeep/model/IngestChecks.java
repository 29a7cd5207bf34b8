package io.tally.hitkeep.model;

import io.tally.hitkeep.internal.IpLiterals;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** HitKeep's ingest validation (reference §5.1), applied when a record is built so that nothing invalid is sent. */
final class IngestChecks {
    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private IngestChecks() {}

    static void common(String url, Instant timestamp, String visitorIp, String userAgent) {
        String lower = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        HttpUrl parsed = lower.startsWith("http://") || lower.startsWith("https://") ? HttpUrl.parse(url.trim()) : null;
        if (parsed == null || parsed.host().isEmpty()) {
            throw new IllegalArgumentException(
                    "url must be an absolute http or https URL such as https://shop.example.com/cart, got '"
                            + url + "'");
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp must not be null (when the pageview or event happened)");
        }
        if (!IpLiterals.isIpAddress(visitorIp)) {
            throw new IllegalArgumentException(
                    "visitorIp must be an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::1, got '"
                            + visitorIp + "'");
        }
        if (userAgent == null || userAgent.trim().isEmpty()) {
            throw new IllegalArgumentException("userAgent must not be null or blank");
        }
    }

    static void uuid(String field, @Nullable String value) {
        if (value != null && !UUID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field + " must be a UUID such as 2f6a1c3e-8b7d-4e21-9c55-0d1e2f3a4b5c, got '" + value + "'");
        }
    }

    static void pixels(String field, @Nullable Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
    }
}
