package io.tally.hitkeep.model;

/** Recent ingest volume across the instance. */
public record SystemIngestStats(long recentHits, long recentEvents, long recentRejections, long recentSpam,
        double hitsPerSecond) {}
