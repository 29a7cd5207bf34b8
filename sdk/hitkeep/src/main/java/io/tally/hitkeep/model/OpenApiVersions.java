package io.tally.hitkeep.model;

import java.util.List;

/**
 * The OpenAPI document versions an instance serves.
 *
 * @param latest the latest version label
 * @param versions every version
 */
public record OpenApiVersions(
        String latest,
        List<OpenApiVersion> versions) {
    /** Copies {@code versions} into an unmodifiable list; {@code null} becomes empty. */
    public OpenApiVersions {
        versions = Immutable.list(versions);
    }
}
