package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * One request an AI crawler made to a site, from the site's server logs, for {@code ingest().aiFetch(siteId, …)}
 * ({@code POST /api/sites/{id}/ingest/ai-fetch}). HitKeep stamps it with the time of receipt and classifies the
 * assistant and the resource type itself; a user agent that matches no known AI bot is refused with 400.
 *
 * <pre>{@code
 * AiFetch fetch = AiFetch.builder("/docs/pricing", 200, "Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)")
 *     .hostname("docs.example.com").contentType("text/html").responseMs(38).bytesServed(18_432).build();
 * }</pre>
 *
 * @param path        the requested path
 * @param hostname    the requested host, or {@code null}
 * @param statusCode  the HTTP status served, 100–599
 * @param contentType the response's content type, or {@code null}
 * @param responseMs  how long the response took in milliseconds, or {@code null}
 * @param bytesServed the response size in bytes, or {@code null}
 * @param userAgent   the crawler's user agent
 */
public record AiFetch(String path, @Nullable String hostname, int statusCode, @Nullable String contentType,
        @Nullable Long responseMs,
        @Nullable Long bytesServed,
        String userAgent) {
    /**
     * Checks the fetch before anything is sent.
     *
     * @throws IllegalArgumentException when {@code path} or {@code userAgent} is null or blank,
     *     {@code statusCode} is outside 100–599, or {@code responseMs} or {@code bytesServed} is negative
     */
    public AiFetch {
        if (path == null || path.trim().isEmpty()) {
            throw new IllegalArgumentException("path must not be null or blank");
        }
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be between 100 and 599, got " + statusCode);
        }
        if (userAgent == null || userAgent.trim().isEmpty()) {
            throw new IllegalArgumentException("userAgent must not be null or blank (the AI crawler's user agent)");
        }
        if (responseMs != null && responseMs < 0) {
            throw new IllegalArgumentException("responseMs must not be negative, got " + responseMs);
        }
        if (bytesServed != null && bytesServed < 0) {
            throw new IllegalArgumentException("bytesServed must not be negative, got " + bytesServed);
        }
    }

    /** A builder with the three required fields. */
    public static Builder builder(String path, int statusCode, String userAgent) {
        return new Builder(path, statusCode, userAgent);
    }

    /** Builder for {@link AiFetch}. */
    public static final class Builder {
        private final String path;
        private final int statusCode;
        private final String userAgent;
        private @Nullable String hostname;
        private @Nullable String contentType;
        private @Nullable Long responseMs;
        private @Nullable Long bytesServed;

        private Builder(String path, int statusCode, String userAgent) {
            this.path = path;
            this.statusCode = statusCode;
            this.userAgent = userAgent;
        }

        /** The requested host. */
        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        /** The response's content type. */
        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        /** How long the response took, in milliseconds. */
        public Builder responseMs(long responseMs) {
            this.responseMs = responseMs;
            return this;
        }

        /** The response size in bytes. */
        public Builder bytesServed(long bytesServed) {
            this.bytesServed = bytesServed;
            return this;
        }

        /**
         * The fetch.
         *
         * @throws IllegalArgumentException naming the first field that breaks HitKeep's rules
         */
        public AiFetch build() {
            return new AiFetch(path, hostname, statusCode, contentType, responseMs, bytesServed, userAgent);
        }
    }
}
