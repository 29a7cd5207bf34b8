package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What an exclusion rule matches: a {@code cidr} IP range or a {@code country}.
 */
public final class ExclusionType extends OpenValue {
    /** An IPv4 or IPv6 range such as {@code 203.0.113.0/24}. */
    public static final ExclusionType CIDR = new ExclusionType("cidr");
    /** An ISO 3166-1 alpha-2 country code. */
    public static final ExclusionType COUNTRY = new ExclusionType("country");

    private ExclusionType(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static ExclusionType of(String value) {
        return new ExclusionType(OpenValue.lowerCase(value, "exclusionType"));
    }
}
