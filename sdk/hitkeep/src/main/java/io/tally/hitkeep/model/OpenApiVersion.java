package io.tally.hitkeep.model;

/**
 * One published version of the OpenAPI document.
 *
 * @param version the version label, e.g. {@code v1}
 * @param openapiUrl where the document is served, e.g. {@code /api/docs/v1/openapi.json}
 * @param latest whether it is the latest
 */
public record OpenApiVersion(
        String version,
        String openapiUrl,
        boolean latest) {}
