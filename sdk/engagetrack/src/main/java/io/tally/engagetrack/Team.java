package io.tally.engagetrack;

import io.tally.engagetrack.model.InviteInput;
import io.tally.engagetrack.model.Invitation;
import java.util.Objects;

/**
 * The organisation's team. Only invitations are published; their auth is presumably a session of an owner or
 * admin, so the SDK sends whatever credentials the client has and lets EngageTrack decide.
 */
public final class Team {
    private final EngageTrack client;

    Team(EngageTrack client) {
        this.client = client;
    }

    /** {@code POST /organizations/{orgId}/team/invites}: invites someone by e-mail; the link expires after 7 days. */
    public EngageTrackCall<Invitation> invite(InviteInput invite) {
        Objects.requireNonNull(invite, "invite");
        return new EngageTrackCall<>(client, "POST", "/organizations/{orgId}/team/invites", RouteAuth.KEY_OR_SESSION,
                client.context().json(Invitation.class)).body(invite);
    }
}
