package io.tally.hitkeep.model;

/**
 * What an import would skip because HitKeep already has native data for those days.
 *
 * @param policy how overlaps are resolved; {@code skip_native_day} keeps HitKeep's own data
 */
public record ImportOverlapSummary(String policy, int nativeTrafficDays, int nativeEventDays, int nativeEventKeys,
        long estimatedSkippedRows, long estimatedSkippedPageviews, long estimatedSkippedEvents) {}
