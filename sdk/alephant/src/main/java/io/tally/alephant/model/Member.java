package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workspace member (`GET /api/v1/members`; shape from the official MCP server's types, unverified).
 */
public final class Member extends AlephantObject {
    /** Wraps a payload as received. */
    public Member(JsonNode json) {
        super(json);
    }

    /** The member id. */
    public @Nullable String id() {
        return text("id");
    }

    /** Display name, or {@code null}. */
    public @Nullable String name() {
        return text("name");
    }

    /** E-mail, or {@code null}. */
    public @Nullable String email() {
        return text("email");
    }

    /** The department id, or {@code null}. */
    public @Nullable String departmentId() {
        return text("departmentId", "department_id");
    }

    /** Role in the workspace, or {@code null}. */
    public @Nullable String role() {
        return text("role");
    }

    /** Status, or {@code null}. */
    public @Nullable String status() {
        return text("status");
    }
}
