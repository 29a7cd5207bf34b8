package io.tally.testkit.hitkeep;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A site grant held by an API token or a dashboard user: a {@link Role} on one site, or on every site of the
 * fake (including sites added later).
 *
 * <p>HitKeep grants are explicit: a token with no grant for a site gets {@code 403 Access denied} on that site's
 * routes even when its instance role is {@code owner} (reference §2.4).
 *
 * <pre>{@code
 * fake.addToken("tok-alice", Grant.site(HitKeepDemo.SHOP_SITE_ID, Role.VIEWER));
 * fake.addToken("tok-ops", Grant.allSites(Role.ADMIN));
 * }</pre>
 */
public final class Grant {
    private final @Nullable String siteId;
    private final Role role;

    private Grant(@Nullable String siteId, Role role) {
        this.siteId = siteId;
        this.role = role;
    }

    /**
     * A role on one site.
     *
     * @throws IllegalArgumentException if {@code siteId} is blank or {@code role} is null
     */
    public static Grant site(String siteId, Role role) {
        if (siteId == null || siteId.trim().isEmpty()) {
            throw new IllegalArgumentException("siteId must be a site id (UUID), got: " + siteId);
        }
        return new Grant(siteId.trim().toLowerCase(java.util.Locale.ROOT), requireRole(role));
    }

    /**
     * A role on every site the fake knows, now or later. Handy for demo and admin tokens.
     *
     * @throws IllegalArgumentException if {@code role} is null
     */
    public static Grant allSites(Role role) {
        return new Grant(null, requireRole(role));
    }

    private static Role requireRole(Role role) {
        if (role == null) {
            throw new IllegalArgumentException(
                    "role must not be null; use one of " + java.util.Arrays.toString(Role.values()));
        }
        return role;
    }

    /** The site this grant is for, or {@code null} when it covers every site. */
    public @Nullable String siteId() {
        return siteId;
    }

    /** The granted role. */
    public Role role() {
        return role;
    }

    /** Whether this grant covers every site. */
    public boolean isAllSites() {
        return siteId == null;
    }

    boolean covers(String site) {
        return siteId == null || siteId.equalsIgnoreCase(site);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grant g && Objects.equals(siteId, g.siteId) && role == g.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(siteId, role);
    }

    @Override
    public String toString() {
        return (siteId == null ? "*" : siteId) + ":" + role.wireName();
    }
}
