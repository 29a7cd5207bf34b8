package io.tally.hitkeep.model;

/**
 * The permission, API-client and rate-limiter caches.
 *
 * @param status overall pressure, e.g. {@code ok}
 */
public record SystemCacheStatus(String status, SystemCacheEntry permissionsCache, SystemCacheEntry apiClientCache,
        SystemCacheEntry rateLimiterCache) {}
