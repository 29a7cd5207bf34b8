package io.tally.hitkeep.model;

import java.util.List;
import java.util.Map;

/**
 * The instance overview: version, runtime mode, uptime, public URL and feature switches.
 *
 * @param uptime      as HitKeep formats it, e.g. {@code 72h13m5s}
 * @param configFlags non-secret configuration flags, free-form
 */
public record SystemInfo(String version, String runtimeMode, String uptime, String publicUrl,
        Map<String, Object> configFlags,
        List<SystemFeatureStatus> enabledFeatures) {
    /**
     * Copies {@code enabledFeatures} into an unmodifiable list and {@code configFlags} into an unmodifiable map;
     * {@code null} becomes empty.
     */
    public SystemInfo {
        configFlags = Immutable.map(configFlags);
        enabledFeatures = Immutable.list(enabledFeatures);
    }
}
