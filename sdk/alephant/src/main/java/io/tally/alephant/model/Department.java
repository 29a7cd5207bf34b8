package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A department (`GET /api/v1/departments`; shape from the official MCP server's types, unverified).
 */
public final class Department extends AlephantObject {
    /** Wraps a payload as received. */
    public Department(JsonNode json) {
        super(json);
    }

    /** The department id. */
    public @Nullable String id() {
        return text("id");
    }

    /** Display name. */
    public @Nullable String name() {
        return text("name");
    }

    /** Number of members, or {@code null}. */
    public @Nullable Long memberCount() {
        return whole("memberCount", "member_count");
    }

    /** Number of agents, or {@code null}. */
    public @Nullable Long agentCount() {
        return whole("agentCount", "agent_count");
    }
}
