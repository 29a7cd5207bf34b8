package io.tally.hitkeep.model;

/**
 * Search Console numbers of one query, page, country or device.
 *
 * @param value           the query text, page URL, country code or device
 * @param ctr             click-through rate as a fraction
 * @param averagePosition average ranking position
 */
public record SearchConsoleDimensionRow(String value, long clicks, long impressions, double ctr,
        double averagePosition) {}
