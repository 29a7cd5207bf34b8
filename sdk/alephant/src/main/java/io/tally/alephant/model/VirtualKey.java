package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A virtual key as listed, created or updated under `/api/v1/virtual-keys`. Budget and spend are read in cents (`budgetCents`, `spentCents`), whereas the write routes take dollars; {@link Money} keeps them apart. The creation answer may contain the `vk-…` secret once (unverified): {@link #secret()} returns it and {@link #toString()} never shows it.
 */
public final class VirtualKey extends AlephantObject {
    /** Wraps a payload as received. */
    public VirtualKey(JsonNode json) {
        super(json);
    }

    /** The key id. */
    public @Nullable String id() {
        return text("id");
    }

    /** The label. */
    public @Nullable String label() {
        return text("label");
    }

    /** The master key it routes through. */
    public @Nullable String masterKeyId() {
        return text("masterKeyId", "master_key_id");
    }

    /** The budget ({@code budgetCents}, cents), or {@code null}. */
    public @Nullable Money budget() {
        return money(Money.Unit.USD_CENTS, "budgetCents", "budget_cents");
    }

    /** Lifetime spend ({@code spentCents}, cents), or {@code null}. */
    public @Nullable Money spent() {
        return money(Money.Unit.USD_CENTS, "spentCents", "spent_cents");
    }

    /** Requests per minute allowed, or {@code null}. */
    public @Nullable Long rateLimitRpm() {
        return whole("rateLimitRpm", "rate_limit_rpm");
    }

    /** {@code active}, {@code revoked} or {@code exceeded} (or a newer value), or {@code null}. */
    public @Nullable String status() {
        return text("status");
    }

    /** What happens when the budget is exceeded ({@code alert-only} or {@code block}), or {@code null}. */
    public @Nullable String budgetAction() {
        return text("budgetAction", "budget_action");
    }

    /** Creation time as sent, or {@code null}. */
    public @Nullable String createdAt() {
        return text("createdAt", "created_at");
    }

    /** The {@code vk-…} secret, present only in a creation answer that includes it. */
    public java.util.Optional<String> secret() {
        String key = text("key", "secret", "virtualKey", "virtual_key", "token");
        return java.util.Optional.ofNullable(key != null && key.startsWith("vk-") ? key : null);
    }

    /** The key without its secret. */
    @Override
    public String toString() {
        return "VirtualKey[id=" + id() + ", label=" + label() + ", status=" + status() + ", budget=" + budget() + "]";
    }
}
