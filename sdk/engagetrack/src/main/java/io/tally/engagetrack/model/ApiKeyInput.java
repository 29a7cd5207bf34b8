package io.tally.engagetrack.model;

import io.tally.engagetrack.Scope;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An API key to create. Vendor guidance: one key per integration, minimal scopes, an expiry (e.g. 90 days).
 *
 * @param name the key's name, e.g. {@code Data Warehouse Sync}
 * @param scopes its scopes, at least one (write scopes do not imply read scopes)
 * @param expiresAt when it expires, or {@code null} for never
 */
public record ApiKeyInput(String name, List<Scope> scopes, @Nullable Instant expiresAt) {
    /**
     * Checks the inputs.
     *
     * @throws IllegalArgumentException when the name is blank or there is no scope
     */
    public ApiKeyInput {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("API key name must not be null or blank, e.g. Data Warehouse Sync");
        }
        if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(
                    "an API key needs at least one scope, e.g. Scope.ANALYTICS_READ, and no null");
        }
        scopes = List.copyOf(new java.util.LinkedHashSet<>(scopes));
    }

    /** A key with these scopes and no expiry. */
    @SuppressWarnings("NullAway") // null scopes reach the constructor, which rejects them with a clear message
    public static ApiKeyInput of(String name, Scope... scopes) {
        return new ApiKeyInput(name, scopes == null ? null : java.util.Arrays.asList(scopes), null);
    }

    /** This key, expiring at {@code expiresAt}. */
    public ApiKeyInput withExpiresAt(Instant expiresAt) {
        return new ApiKeyInput(name, scopes, expiresAt);
    }
}
