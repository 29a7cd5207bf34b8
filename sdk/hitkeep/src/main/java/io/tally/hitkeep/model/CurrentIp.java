package io.tally.hitkeep.model;

/**
 * The caller's IP address as HitKeep sees it, for building an exclusion rule.
 *
 * @param ip the address
 * @param cidr the address as a single-address range, e.g. {@code 203.0.113.7/32}
 */
public record CurrentIp(
        String ip,
        String cidr) {}
