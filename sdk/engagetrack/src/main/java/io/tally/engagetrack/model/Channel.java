package io.tally.engagetrack.model;

import java.util.List;

/**
 * One channel of the enriched channel report.
 *
 * @param channel the channel's name
 * @param visitors unique visitors from the channel
 * @param totalRevenue revenue from the channel, in the report's currency
 * @param topSources the channel's top sources
 */
public record Channel(String channel, long visitors, double totalRevenue, List<ChannelSource> topSources) {
    /** Makes the list unmodifiable; {@code null} is empty. */
    public Channel {
        topSources = topSources == null ? List.of() : List.copyOf(topSources);
    }
}
