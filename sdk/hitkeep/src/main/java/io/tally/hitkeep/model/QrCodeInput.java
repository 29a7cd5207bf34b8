package io.tally.hitkeep.model;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The definition of a QR campaign, for creating one or replacing one's settings. Build with
 * {@link #builder(String, String)}:
 *
 * <pre>{@code
 * QrCodeInput flyer = QrCodeInput.builder("Spring flyer", "https://shop.example.com/spring")
 *     .utmSource("flyer").utmMedium("print").utmCampaign("spring-2026")
 *     .customParam("store", "berlin")
 *     .build();
 * }</pre>
 *
 * @param name           1–120 characters
 * @param destinationUrl an absolute http or https URL
 * @param customParams   extra query parameters added on redirect (at most 20; {@code hk_qr} is reserved)
 * @param style          the dashboard's rendering options, free-form; {@code null} keeps none
 */
public record QrCodeInput(String name, String destinationUrl, @Nullable String utmSource, @Nullable String utmMedium,
        @Nullable String utmCampaign, @Nullable String utmTerm, @Nullable String utmContent,
        Map<String, String> customParams, @Nullable Map<String, Object> style) {
    /** HitKeep's limit on {@link #name()}. */
    public static final int MAX_NAME_LENGTH = 120;
    /** HitKeep's limit on {@link #customParams()}. */
    public static final int MAX_CUSTOM_PARAMS = 20;

    /** Checks the fields as HitKeep does; throws {@link IllegalArgumentException} naming the one that is wrong. */
    public QrCodeInput {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("name is required");
        }
        name = name.trim();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "name must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
        }
        destinationUrl = destinationUrl == null ? null : destinationUrl.trim();
        if (!isAbsoluteHttpUrl(destinationUrl)) {
            throw new IllegalArgumentException(
                    "destinationUrl must be an absolute http or https URL, got '" + destinationUrl + "'");
        }
        customParams = Immutable.map(customParams);
        if (customParams.size() > MAX_CUSTOM_PARAMS) {
            throw new IllegalArgumentException("customParams may hold at most " + MAX_CUSTOM_PARAMS + " entries, got "
                    + customParams.size());
        }
        for (String key : customParams.keySet()) {
            if (key == null || key.trim().isEmpty() || "hk_qr".equalsIgnoreCase(key.trim())) {
                throw new IllegalArgumentException(
                        "customParams key must be non-blank and not hk_qr (reserved), got '" + key + "'");
            }
        }
        style = style == null ? null : Immutable.map(style);
    }

    /** A builder with the two required fields. */
    public static Builder builder(String name, String destinationUrl) {
        return new Builder(name, destinationUrl);
    }

    /** A definition with only the required fields. */
    public static QrCodeInput of(String name, String destinationUrl) {
        return builder(name, destinationUrl).build();
    }

    private static boolean isAbsoluteHttpUrl(@Nullable String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Builder for {@link QrCodeInput}; {@link #build()} checks the fields. */
    public static final class Builder {
        private final String name;
        private final String destinationUrl;
        private @Nullable String utmSource;
        private @Nullable String utmMedium;
        private @Nullable String utmCampaign;
        private @Nullable String utmTerm;
        private @Nullable String utmContent;
        private final Map<String, String> customParams = new LinkedHashMap<>();
        private @Nullable Map<String, Object> style;

        private Builder(String name, String destinationUrl) {
            this.name = name;
            this.destinationUrl = destinationUrl;
        }

        /** The {@code utm_source} of the campaign; {@code null} for none. */
        public Builder utmSource(String utmSource) {
            this.utmSource = utmSource;
            return this;
        }

        /** The {@code utm_medium} of the campaign, e.g. {@code print}; {@code null} for none. */
        public Builder utmMedium(String utmMedium) {
            this.utmMedium = utmMedium;
            return this;
        }

        /** The {@code utm_campaign} of the campaign; {@code null} for none. */
        public Builder utmCampaign(String utmCampaign) {
            this.utmCampaign = utmCampaign;
            return this;
        }

        /** The {@code utm_term} of the campaign; {@code null} for none. */
        public Builder utmTerm(String utmTerm) {
            this.utmTerm = utmTerm;
            return this;
        }

        /** The {@code utm_content} of the campaign; {@code null} for none. */
        public Builder utmContent(String utmContent) {
            this.utmContent = utmContent;
            return this;
        }

        /** Adds a query parameter appended to the destination on redirect. */
        public Builder customParam(String key, String value) {
            customParams.put(key, value);
            return this;
        }

        /** The dashboard's rendering options (free-form JSON object). */
        public Builder style(Map<String, Object> style) {
            this.style = style;
            return this;
        }

        /**
         * The definition.
         *
         * @throws IllegalArgumentException when a field breaks one of HitKeep's rules, naming the field
         */
        public QrCodeInput build() {
            return new QrCodeInput(name, destinationUrl, utmSource, utmMedium, utmCampaign, utmTerm, utmContent,
                    customParams, style);
        }
    }
}
