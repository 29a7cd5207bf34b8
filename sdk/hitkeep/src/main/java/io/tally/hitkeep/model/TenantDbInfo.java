package io.tally.hitkeep.model;

/** One team's analytics database file. */
public record TenantDbInfo(String tenantId, String name, String path, long bytes) {}
