package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.CreatedShareLink;
import io.tally.hitkeep.model.ShareLink;
import java.util.List;

/**
 * Read-only share links of a site's dashboard: list, create, revoke. Each needs {@code site.manage_team}
 * and accepts an API token or a session. To read through a link, use {@link HitKeep#shared(String)}.
 */
public final class ShareLinks {
    private final HitKeep client;

    ShareLinks(HitKeep client) {
        this.client = client;
    }

    /** The site's share links, without their tokens ({@code GET /api/sites/{id}/share}). */
    public HitKeepCall<List<ShareLink>> list(String siteId) {
        return new HitKeepCall<>(client, "GET", "/api/sites/{id}/share", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {siteId},
                client.context().listOf(ShareLink.class));
    }

    /**
     * Creates a share link; the answer is the only place its token appears ({@code POST /api/sites/{id}/share}).
     * Team API clients get 401 here (HitKeep ties the link to a user); use a personal token or a session.
     */
    public HitKeepCall<CreatedShareLink> create(String siteId) {
        return new HitKeepCall<>(client, "POST", "/api/sites/{id}/share", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {siteId},
                client.context().json(CreatedShareLink.class));
    }

    /** Revokes a share link: its token stops working ({@code DELETE /api/sites/{id}/share/{shareID}}, 204). */
    public HitKeepCall<Void> revoke(String siteId, String shareId) {
        return new HitKeepCall<>(client, "DELETE", "/api/sites/{id}/share/{shareID}", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {siteId, shareId}, ResponseReader.discard());
    }
}
