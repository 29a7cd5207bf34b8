package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One raw pageview. Optional attributes are {@code null} when the tracker did not send them or the lookup
 * found nothing.
 *
 * @param id the hit id (UUID)
 * @param siteId the site id
 * @param sessionId the session this hit belongs to
 * @param pageId the page view id
 * @param timestamp when the pageview happened
 * @param path the path and query string
 * @param hostname the host the page was served from
 * @param referrer the referrer URL
 * @param userAgent the browser's user agent
 * @param viewportWidth viewport width in pixels
 * @param viewportHeight viewport height in pixels
 * @param screenWidth screen width in pixels
 * @param screenHeight screen height in pixels
 * @param language the browser language, e.g. {@code en-US}
 * @param countryCode ISO 3166-1 alpha-2 country code from the visitor's IP
 * @param region region from the visitor's IP
 * @param city city from the visitor's IP
 * @param provider network provider from the visitor's IP
 * @param asn autonomous system number
 * @param asnOrg autonomous system organisation
 * @param utmSource {@code utm_source} of the page URL
 * @param utmMedium {@code utm_medium} of the page URL
 * @param utmCampaign {@code utm_campaign} of the page URL
 * @param utmTerm {@code utm_term} of the page URL
 * @param utmContent {@code utm_content} of the page URL
 * @param qrCodeId the QR campaign that led here, or {@code null}
 * @param isUnique whether the tracker marked the view as the session's first of this page
 */
public record Hit(
        String id,
        String siteId,
        String sessionId,
        String pageId,
        Instant timestamp,
        String path,
        String hostname,
        String referrer,
        String userAgent,
        Integer viewportWidth,
        Integer viewportHeight,
        Integer screenWidth,
        Integer screenHeight,
        String language,
        String countryCode,
        String region,
        String city,
        String provider,
        Long asn,
        String asnOrg,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmTerm,
        String utmContent,
        @Nullable String qrCodeId,
        Boolean isUnique) {}
