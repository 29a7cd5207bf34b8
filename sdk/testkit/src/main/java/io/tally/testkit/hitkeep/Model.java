package io.tally.testkit.hitkeep;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The fake's stored records. Immutable; JSON shapes are produced by {@link Json}. */
final class Model {
    private Model() {}

    record Site(String id, String userId, String domain, String ownerEmail, int dataRetentionDays, Instant createdAt) {}

    record Goal(String id, String siteId, String name, String type, String value, Instant createdAt) {}

    record FunnelStep(String type, String value) {}

    record Funnel(String id, String siteId, String name, List<FunnelStep> steps, Instant createdAt) {}

    /** An event; {@code context} is the pageview it belongs to, which carries the session's dimensions. */
    record Event(String id, String siteId, String sessionId, String name, Map<String, Object> properties,
            Instant timestamp, Hit context) {}

    record VitalSample(String metric, double value, Instant timestamp, Hit context) {}

    record AiFetch(String id, String siteId, Instant timestamp, String assistantName, String assistantFamily,
            String resourceType, String path, String hostname, int statusCode, String contentType, int responseMs,
            long bytesServed, String userAgent) {}

    record QrCode(String id, String siteId, String name, String destinationUrl, String token,
            String utmSource, String utmMedium, String utmCampaign, @Nullable String utmTerm,
            @Nullable String utmContent, Map<String, String> customParams, String createdBy,
            Instant createdAt, Instant updatedAt) {}

    record QrOpen(String qrCodeId, Instant timestamp) {}

    /** A realtime change notification (reference §3.6). */
    record RealtimeEvent(long id, String siteId, List<String> kinds, Instant changedAt, Map<String, Integer> counts) {}

    /** One pageview. Dimension labels are computed once, on construction. */
    static final class Hit {
        final String id;
        final String siteId;
        final String sessionId;
        final String pageId;
        final Instant timestamp;
        final String path;
        final String hostname;
        final String referrer;
        final String userAgent;
        final int viewportWidth;
        final int viewportHeight;
        final int screenWidth;
        final int screenHeight;
        final String language;
        final String countryCode;
        final String region;
        final String city;
        final String provider;
        final int asn;
        final String asnOrg;
        final String utmSource;
        final String utmMedium;
        final String utmCampaign;
        final String utmTerm;
        final String utmContent;
        final @Nullable String qrCodeId;
        final boolean unique;

        final String referrerLabel;
        final String deviceLabel;
        final String browserLabel;
        final String languageLabel;
        final String asnLabel;
        final @Nullable String aiSource;
        /** The AI bot the user agent belongs to, or {@code null}. */
        final @Nullable String aiBot;

        Hit(Builder b) {
            id = Objects.requireNonNull(b.id, "id");
            siteId = Objects.requireNonNull(b.siteId, "siteId");
            sessionId = Objects.requireNonNull(b.sessionId, "sessionId");
            pageId = Objects.requireNonNull(b.pageId, "pageId");
            timestamp = Objects.requireNonNull(b.timestamp, "timestamp");
            path = b.path;
            hostname = b.hostname;
            referrer = nz(b.referrer);
            userAgent = nz(b.userAgent);
            viewportWidth = b.viewportWidth;
            viewportHeight = b.viewportHeight;
            screenWidth = b.screenWidth;
            screenHeight = b.screenHeight;
            language = nz(b.language);
            countryCode = nz(b.countryCode);
            region = nz(b.region);
            city = nz(b.city);
            provider = nz(b.provider);
            asn = b.asn;
            asnOrg = nz(b.asnOrg);
            utmSource = nz(b.utmSource);
            utmMedium = nz(b.utmMedium);
            utmCampaign = nz(b.utmCampaign);
            utmTerm = nz(b.utmTerm);
            utmContent = nz(b.utmContent);
            qrCodeId = b.qrCodeId;
            unique = b.unique;
            referrerLabel = Labels.referrer(referrer);
            deviceLabel = Labels.device(viewportWidth);
            browserLabel = Labels.browser(userAgent);
            languageLabel = Labels.language(language);
            asnLabel = Labels.asn(asn, asnOrg);
            aiSource = Labels.aiSource(referrer);
            String[] agent = DemoGenerator.aiAgent(userAgent);
            aiBot = agent == null ? null : agent[0];
        }

        private static String nz(@Nullable String s) {
            return s == null ? "" : s;
        }

        static Builder builder() {
            return new Builder();
        }

        static final class Builder {
            @Nullable
            String id;
            @Nullable
            String siteId;
            @Nullable
            String sessionId;
            @Nullable
            String pageId;
            @Nullable
            Instant timestamp;
            String path = "/";
            String hostname = "";
            @Nullable
            String referrer;
            @Nullable
            String userAgent;
            int viewportWidth;
            int viewportHeight;
            int screenWidth;
            int screenHeight;
            @Nullable
            String language;
            @Nullable
            String countryCode;
            @Nullable
            String region;
            @Nullable
            String city;
            @Nullable
            String provider;
            int asn;
            @Nullable
            String asnOrg;
            @Nullable
            String utmSource;
            @Nullable
            String utmMedium;
            @Nullable
            String utmCampaign;
            @Nullable
            String utmTerm;
            @Nullable
            String utmContent;
            @Nullable
            String qrCodeId;
            boolean unique;

            Hit build() {
                return new Hit(this);
            }
        }
    }
}
