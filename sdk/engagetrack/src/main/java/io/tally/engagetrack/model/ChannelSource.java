package io.tally.engagetrack.model;

/**
 * A source inside a channel.
 *
 * @param source the source's name
 * @param visitors unique visitors from the source
 * @param percent its share of the channel's visitors, in percent
 */
public record ChannelSource(String source, long visitors, double percent) {}
