package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a virtual key is bound to ({@code GET /api/v1/cockpit/scope}): the workspace, the key and the bound agent or member (the reference's snake_case shape; the camelCase shape of the official MCP server's types is read too).
 */
public final class CockpitScope extends CockpitResult {
    /** Wraps a whole response body as received. */
    public CockpitScope(JsonNode body) {
        super(body);
    }

    private JsonNode part(String name) {
        JsonNode n = node(name);
        return n == null ? json() : n;
    }

    private static @Nullable String textOf(@Nullable JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n == null ? null : n.get(name);
            if (v != null && !v.isNull() && v.isValueNode()) {
                return v.asText();
            }
        }
        return null;
    }

    /** The workspace id ({@code workspace.id}), usable as {@code X-Workspace-Id}. */
    public @Nullable String workspaceId() {
        String nested = node("workspace") == null ? null : textOf(node("workspace"), "id");
        return nested != null ? nested : text("workspaceId", "workspace_id");
    }

    /** The workspace name, or {@code null}. */
    public @Nullable String workspaceName() {
        String nested = node("workspace") == null ? null : textOf(node("workspace"), "name");
        return nested != null ? nested : text("workspaceName", "workspace_name");
    }

    /** The virtual key's id ({@code virtual_key.id}). */
    public @Nullable String virtualKeyId() {
        String nested = node("virtual_key") == null ? null : textOf(node("virtual_key"), "id");
        return nested != null ? nested : text("keyId", "key_id");
    }

    /** The virtual key's label, or {@code null}. */
    public @Nullable String virtualKeyLabel() {
        String nested = node("virtual_key") == null ? null : textOf(node("virtual_key"), "label", "name");
        return nested != null ? nested : text("keyLabel", "key_label");
    }

    /** Whether the key is bound to an agent or a member; usage views are empty for an unbound key. */
    public boolean isBound() {
        return entityId() != null;
    }

    /** The bound entity's id ({@code entity.id}), or {@code null} when unbound. */
    public @Nullable String entityId() {
        JsonNode e = node("entity");
        if (e != null) {
            return textOf(e, "id");
        }
        String agent = text("agentId", "agent_id");
        return agent != null ? agent : text("memberId", "member_id");
    }

    /** The bound entity's type ({@code agent} or {@code member}), or {@code null}. */
    public @Nullable String entityType() {
        JsonNode e = node("entity");
        if (e != null) {
            return textOf(e, "type");
        }
        return text("agentId", "agent_id") != null ? "agent" : text("memberId", "member_id") != null ? "member" : null;
    }

    /** The bound entity's name, or {@code null}. */
    public @Nullable String entityName() {
        return textOf(node("entity"), "name");
    }

    /** The bound entity's department id ({@code entity.department_id}), or {@code null}. */
    public @Nullable String departmentId() {
        JsonNode e = node("entity");
        return e != null ? textOf(e, "department_id", "departmentId") : text("departmentId", "department_id");
    }

    /** The backend's note, e.g. why the result is degraded, or {@code null}. */
    public @Nullable String message() {
        return text("message");
    }
}
