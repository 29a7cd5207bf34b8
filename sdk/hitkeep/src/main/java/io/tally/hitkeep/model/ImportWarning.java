package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * Something the import validation noticed but did not reject.
 *
 * @param code    machine-readable warning code
 * @param message human-readable explanation
 * @param file    the file concerned, or {@code null}
 */
public record ImportWarning(String code, String message, @Nullable String file) {}
