package io.tally.hitkeep.model;

/**
 * Instance health.
 *
 * @param isLeader whether this node is the cluster leader (it alone writes and serves MCP)
 */
public record SystemHealth(String status, String database, String workers, boolean isLeader) {}
