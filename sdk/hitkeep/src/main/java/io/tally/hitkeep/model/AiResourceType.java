package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an AI crawler fetched, as HitKeep classifies it: {@code html}, {@code document}, {@code image} or
 * {@code other}.
 */
public final class AiResourceType {
    /** A web page. */
    public static final AiResourceType HTML = new AiResourceType("html");
    /** A document such as a PDF. */
    public static final AiResourceType DOCUMENT = new AiResourceType("document");
    /** An image. */
    public static final AiResourceType IMAGE = new AiResourceType("image");
    /** Anything else. */
    public static final AiResourceType OTHER = new AiResourceType("other");

    private final String value;

    private AiResourceType(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static AiResourceType of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("aiResourceType must not be null or blank");
        }
        return new AiResourceType(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AiResourceType && (((AiResourceType) o).value.equals(value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
