package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agent (`GET /api/v1/agents`; shape from the official MCP server's types, unverified).
 */
public final class Agent extends AlephantObject {
    /** Wraps a payload as received. */
    public Agent(JsonNode json) {
        super(json);
    }

    /** The agent id. */
    public @Nullable String id() {
        return text("id");
    }

    /** Display name. */
    public @Nullable String name() {
        return text("name");
    }

    /** The department id, or {@code null}. */
    public @Nullable String departmentId() {
        return text("departmentId", "department_id");
    }

    /** Status, or {@code null}. */
    public @Nullable String status() {
        return text("status");
    }

    /** Creation time as sent, or {@code null}. */
    public @Nullable String createdAt() {
        return text("createdAt", "created_at");
    }
}
