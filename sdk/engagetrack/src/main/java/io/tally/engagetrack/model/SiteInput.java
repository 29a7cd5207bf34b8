package io.tally.engagetrack.model;

import org.jspecify.annotations.Nullable;

/**
 * A site to create.
 *
 * @param domain the domain, e.g. {@code example.com} (required)
 * @param name the display name, or {@code null}
 * @param timezone the IANA time zone, or {@code null} for EngageTrack's default {@code UTC}
 */
public record SiteInput(String domain, @Nullable String name, @Nullable String timezone) {
    /**
     * Checks the inputs.
     *
     * @throws IllegalArgumentException when the domain is blank or contains a scheme or path
     */
    public SiteInput {
        if (domain == null || domain.trim().isEmpty()) {
            throw new IllegalArgumentException("domain must not be null or blank, e.g. example.com");
        }
        if (domain.contains("/") || domain.contains(" ")) {
            throw new IllegalArgumentException(
                    "domain must be a bare host name such as example.com, got '" + domain + "'");
        }
        if (timezone != null) {
            try {
                java.time.ZoneId.of(timezone);
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(
                        "timezone must be an IANA zone such as Europe/Berlin, got '" + timezone + "'");
            }
        }
    }

    /** A site with only its domain. */
    public static SiteInput of(String domain) {
        return new SiteInput(domain, null, null);
    }

    /** This input with a display name. */
    public SiteInput withName(String name) {
        return new SiteInput(domain, name, timezone);
    }

    /** This input with an IANA time zone. */
    public SiteInput withTimezone(String timezone) {
        return new SiteInput(domain, name, timezone);
    }
}
