package io.tally.engagetrack.model;

import java.util.List;

/**
 * Channels combining UTM parameters and referrers, ranked by visitors.
 *
 * @param channels the channels
 * @param currency the currency code of the revenue values, e.g. {@code USD}
 */
public record ChannelReport(List<Channel> channels, String currency) {
    /** Makes the list unmodifiable; {@code null} is empty. */
    public ChannelReport {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
