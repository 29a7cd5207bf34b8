package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A user account as the admin user list returns it. HitKeep documents this list only as "objects", so
 * the entry is kept whole ({@link #json()}) with typed accessors for the fields it is known to carry;
 * each returns {@code null} when the field is absent.
 */
public final class AdminUser {
    private final JsonNode json;

    private AdminUser(JsonNode json) {
        this.json = json;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AdminUser of(JsonNode json) {
        return new AdminUser(json);
    }

    /** The user id (UUID). */
    public @Nullable String id() {
        return text("id");
    }

    /** The e-mail address. */
    public @Nullable String email() {
        return text("email");
    }

    /** The instance role ({@code owner}, {@code admin}, {@code user}), from {@code instance_role} or {@code role}. */
    public @Nullable InstanceRole instanceRole() {
        String role = text("instance_role");
        if (role == null) {
            role = text("role");
        }
        return role == null || role.trim().isEmpty() ? null : InstanceRole.of(role);
    }

    /** When the account was created. */
    public @Nullable Instant createdAt() {
        String t = text("created_at");
        try {
            return t == null ? null : java.time.OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Any other field, as text, or {@code null} when absent. */
    public @Nullable String text(String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The whole entry as HitKeep sent it. */
    @JsonValue
    public JsonNode json() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdminUser && ((AdminUser) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "AdminUser[id=" + id() + ", email=" + email() + "]";
    }
}
