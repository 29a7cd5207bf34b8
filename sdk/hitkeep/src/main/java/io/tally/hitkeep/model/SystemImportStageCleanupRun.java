package io.tally.hitkeep.model;

/**
 * The outcome of a cleanup run (OpenAPI schema {@code SystemImportStageCleanupRunResponse}).
 *
 * @param status {@code ok} or {@code error}
 */
public record SystemImportStageCleanupRun(String status, String message, ImportStageCleanupRunResult result) {}
