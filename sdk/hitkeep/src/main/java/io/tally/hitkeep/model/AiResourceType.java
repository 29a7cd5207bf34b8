package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What an AI crawler fetched, as HitKeep classifies it: {@code html}, {@code document}, {@code image} or
 * {@code other}.
 */
public final class AiResourceType extends OpenValue {
    /** A web page. */
    public static final AiResourceType HTML = new AiResourceType("html");
    /** A document such as a PDF. */
    public static final AiResourceType DOCUMENT = new AiResourceType("document");
    /** An image. */
    public static final AiResourceType IMAGE = new AiResourceType("image");
    /** Anything else. */
    public static final AiResourceType OTHER = new AiResourceType("other");

    private AiResourceType(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static AiResourceType of(String value) {
        return new AiResourceType(OpenValue.lowerCase(value, "aiResourceType"));
    }
}
