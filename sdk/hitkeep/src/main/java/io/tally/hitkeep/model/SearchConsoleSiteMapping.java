package io.tally.hitkeep.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which Google Search Console property a site reads from.
 *
 * @param teamId                  the team whose Google connection is used
 * @param mapped                  whether a property is mapped
 * @param propertyUri             the property, e.g. {@code sc-domain:example.com}, or {@code null}
 * @param propertyPermissionLevel the connected account's access to it, e.g. {@code siteOwner}
 * @param canManage               whether the caller may change the mapping
 * @param syncStatus              the import state, or {@code null} before the first sync
 */
public record SearchConsoleSiteMapping(String siteId, String teamId, boolean mapped, @Nullable String propertyUri,
        String propertyPermissionLevel, Instant mappedAt, boolean canManage,
        @Nullable SearchConsoleSyncStatus syncStatus) {}
