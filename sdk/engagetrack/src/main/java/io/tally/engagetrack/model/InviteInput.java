package io.tally.engagetrack.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team invitation. The invitee gets an e-mail link valid for 7 days.
 *
 * @param email the invitee's e-mail address
 * @param role the role to grant
 * @param siteIds the sites a member or viewer may see, or {@code null} for all
 */
public record InviteInput(String email, TeamRole role, @Nullable List<String> siteIds) {
    /**
     * Checks the inputs.
     *
     * @throws IllegalArgumentException when the e-mail is not an address or the role is missing
     */
    public InviteInput {
        if (email == null || !email.trim().matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException(
                    "email must be an e-mail address such as ada@example.com, got '" + email + "'");
        }
        if (role == null) {
            throw new IllegalArgumentException("role must not be null (owner, admin, member or viewer)");
        }
        siteIds = siteIds == null ? null : List.copyOf(siteIds);
    }

    /** An invitation to every site. */
    public static InviteInput of(String email, TeamRole role) {
        return new InviteInput(email, role, null);
    }

    /** This invitation, limited to these sites. */
    public InviteInput withSiteIds(List<String> siteIds) {
        return new InviteInput(email, role, siteIds);
    }
}
