package io.tally.hitkeep.model;

/**
 * One row of a "top N" list: a label (a path, referrer group, country, browser…) and its count. The labels
 * are HitKeep's normalised ones, the same strings its filters match (e.g. {@code (Direct)}, {@code (Unknown)}).
 *
 * @param name the label
 * @param value how many hits, sessions or events it has (what is counted depends on the list)
 */
public record MetricStat(
        String name,
        long value) {}
