package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A personal access token as listed or created under {@code /api/v1/pats} (snake_case; design doc, unverified). {@link #toString()} never shows the token.
 */
public final class Pat extends AlephantObject {
    /** Wraps a payload as received. */
    public Pat(JsonNode json) {
        super(json);
    }

    /** The id. */
    public @Nullable String id() {
        return text("id");
    }

    /** The name. */
    public @Nullable String name() {
        return text("name");
    }

    /** The first characters of the token, e.g. {@code pat_wsa3f8c2}. */
    public @Nullable String tokenPrefix() {
        return text("token_prefix", "tokenPrefix");
    }

    /** The scopes ({@code read}, {@code write}, {@code admin}). */
    public List<String> scopes() {
        return list(JsonNode::asText, "scopes");
    }

    /** The workspace id. */
    public @Nullable String workspaceId() {
        return text("workspace_id", "workspaceId");
    }

    /** Last use as sent, or {@code null}. */
    public @Nullable String lastUsedAt() {
        return text("last_used_at", "lastUsedAt");
    }

    /** Expiry as sent, or {@code null}. */
    public @Nullable String expiresAt() {
        return text("expires_at", "expiresAt");
    }

    /** The plain token: present only in the answer to a creation, shown once. */
    public java.util.Optional<String> token() {
        return java.util.Optional.ofNullable(text("token"));
    }

    /** The PAT without its token. */
    @Override
    public String toString() {
        return "Pat[id=" + id() + ", name=" + name() + ", prefix=" + tokenPrefix() + ", scopes=" + scopes() + "]";
    }
}
