package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A rule that drops hits from an IP range or a country before they are stored.
 *
 * @param id the rule id (UUID)
 * @param siteId the site id
 * @param type a CIDR range or a country
 * @param cidr the range, for CIDR rules
 * @param countryCode the ISO country code, for country rules
 * @param description why the rule exists, or {@code null}
 * @param createdBy the user who created it
 * @param createdAt when it was created
 */
public record IpExclusion(
        String id,
        String siteId,
        ExclusionType type,
        String cidr,
        String countryCode,
        @Nullable String description,
        String createdBy,
        Instant createdAt) {}
