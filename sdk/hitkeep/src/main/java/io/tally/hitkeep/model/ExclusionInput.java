package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * A rule that drops a site's hits from an IP range or a country: {@link #cidr(String, String)} or
 * {@link #country(String, String)}.
 *
 * @param type        a CIDR range or a country
 * @param cidr        the range for CIDR rules, e.g. {@code 203.0.113.0/24}, else {@code null}
 * @param countryCode the ISO 3166-1 alpha-2 code for country rules, e.g. {@code DE}, else {@code null}
 * @param description why the rule exists, or {@code null}
 */
public record ExclusionInput(ExclusionType type, @Nullable String cidr, @Nullable String countryCode,
        @Nullable String description) {
    /**
     * Checks that the exclusion carries what its {@code type} needs.
     *
     * @throws IllegalArgumentException when {@code type} is null, a {@code cidr} exclusion has no CIDR range
     *     (such as {@code 203.0.113.0/24}), or a {@code country} exclusion has no two-letter country code
     */
    public ExclusionInput {
        if (type == null) {
            throw new IllegalArgumentException("type must not be null (cidr or country)");
        }
        if (ExclusionType.CIDR.equals(type) && (cidr == null || cidr.trim().isEmpty() || cidr.indexOf('/') < 0)) {
            throw new IllegalArgumentException(
                    "cidr must be an IP range such as 203.0.113.0/24 or 2001:db8::/32, got '" + cidr + "'");
        }
        if (ExclusionType.COUNTRY.equals(type)
                && (countryCode == null || !countryCode.trim().matches("[A-Za-z]{2}"))) {
            throw new IllegalArgumentException(
                    "countryCode must be a two-letter ISO 3166-1 code such as DE, got '" + countryCode + "'");
        }
    }

    /** Drops hits from the IP range {@code cidr}. */
    public static ExclusionInput cidr(String cidr, @Nullable String description) {
        return new ExclusionInput(ExclusionType.CIDR, cidr == null ? null : cidr.trim(), null, description);
    }

    /** Drops hits from the country {@code countryCode} (ISO 3166-1 alpha-2). */
    public static ExclusionInput country(String countryCode, @Nullable String description) {
        return new ExclusionInput(ExclusionType.COUNTRY, null,
                countryCode == null ? null : countryCode.trim().toUpperCase(java.util.Locale.ROOT), description);
    }
}
