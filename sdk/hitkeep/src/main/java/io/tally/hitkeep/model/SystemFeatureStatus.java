package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * One operator feature switch.
 *
 * @param key     the feature, e.g. {@code mcp}, {@code backups}
 * @param enabled whether it is on
 * @param detail  a short explanation, or {@code null}
 */
public record SystemFeatureStatus(String key, boolean enabled, @Nullable String detail) {}
