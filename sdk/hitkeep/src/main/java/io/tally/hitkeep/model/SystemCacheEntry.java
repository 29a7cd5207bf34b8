package io.tally.hitkeep.model;

/**
 * One in-memory cache.
 *
 * @param ttl entry lifetime as HitKeep formats it, e.g. {@code 5m0s}
 */
public record SystemCacheEntry(int size, int maxSize, String ttl) {}
