package io.tally.hitkeep.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an API client to create or update (HitKeep reference §2.3). Build it with
 * {@link #builder(String)}:
 *
 * <pre>{@code
 * ApiClientInput input = ApiClientInput.builder("nightly export")
 *     .siteRole(siteId, SiteRole.VIEWER)
 *     .expiresAt(Instant.parse("2027-01-01T00:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>An update replaces every setting, so give the full set. A personal client's update needs
 * {@link Builder#instanceRole(InstanceRole)}; team clients take no instance role. Delegated roles must not
 * exceed the creator's own.
 *
 * @param name         the client's name, at most 120 characters
 * @param description  what the client is for, at most 500 characters, or {@code null}
 * @param instanceRole the delegated instance role (personal clients; {@code user} when omitted on create)
 * @param expiresAt    when the token stops working, or {@code null} for never
 * @param revoked      {@code true} revokes the client but keeps its record (updates only), or {@code null}
 * @param siteRoles    the site grants, at most 100; a client without grants reaches no site
 */
public record ApiClientInput(String name, @Nullable String description, @Nullable InstanceRole instanceRole,
        @Nullable Instant expiresAt,
        @Nullable Boolean revoked, List<ApiClientSiteRole> siteRoles) {
    /** HitKeep's limit on {@link #name()}. */
    public static final int MAX_NAME_LENGTH = 120;
    /** HitKeep's limit on {@link #description()}. */
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    /** HitKeep's limit on {@link #siteRoles()}. */
    public static final int MAX_SITE_ROLES = 100;

    /**
     * Checks the fields against HitKeep's limits and copies {@code siteRoles} ({@code null} becomes empty).
     *
     * @throws IllegalArgumentException when {@code name} is blank or longer than {@value #MAX_NAME_LENGTH}
     *     characters, {@code description} is longer than {@value #MAX_DESCRIPTION_LENGTH}, or there are more
     *     than {@value #MAX_SITE_ROLES} site roles
     */
    public ApiClientInput {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be null or blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "name must have at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
        }
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException(
                    "description must have at most " + MAX_DESCRIPTION_LENGTH + " characters, got "
                            + description.length());
        }
        siteRoles = Immutable.list(siteRoles);
        if (siteRoles.size() > MAX_SITE_ROLES) {
            throw new IllegalArgumentException(
                    "siteRoles must have at most " + MAX_SITE_ROLES + " entries, got " + siteRoles.size());
        }
    }

    /** A builder for a client named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builder for {@link ApiClientInput}. */
    public static final class Builder {
        private final String name;
        private @Nullable String description;
        private @Nullable InstanceRole instanceRole;
        private @Nullable Instant expiresAt;
        private @Nullable Boolean revoked;
        private final List<ApiClientSiteRole> siteRoles = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** What the client is for, at most 500 characters. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The delegated instance role (personal clients only; required on update). */
        public Builder instanceRole(InstanceRole instanceRole) {
            this.instanceRole = instanceRole;
            return this;
        }

        /** When the token stops working; {@code null} for never. */
        public Builder expiresAt(@Nullable Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Revokes ({@code true}) or keeps ({@code false}) the client; updates only. */
        public Builder revoked(boolean revoked) {
            this.revoked = revoked;
            return this;
        }

        /** Grants {@code role} on {@code siteId}. */
        public Builder siteRole(String siteId, SiteRole role) {
            siteRoles.add(ApiClientSiteRole.of(siteId, role));
            return this;
        }

        /** Grants each of {@code roles}. */
        public Builder siteRoles(List<ApiClientSiteRole> roles) {
            siteRoles.addAll(roles);
            return this;
        }

        /**
         * The input.
         *
         * @throws IllegalArgumentException when the name is blank or a limit is exceeded
         */
        public ApiClientInput build() {
            return new ApiClientInput(name, description, instanceRole, expiresAt, revoked, siteRoles);
        }
    }
}
