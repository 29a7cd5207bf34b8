package io.tally.hitkeep.model;

import java.util.List;

/**
 * The signed-in user's second factors: TOTP, passkeys and recovery codes.
 *
 * @param totpEnabled whether TOTP is on
 * @param totpPending whether a TOTP setup was started but not verified
 * @param passkeys registered passkeys
 * @param recoveryCodesGenerated whether recovery codes exist
 * @param recoveryCodesRemaining unused recovery codes
 */
public record UserSecurityStatus(
        boolean totpEnabled,
        boolean totpPending,
        List<UserPasskey> passkeys,
        boolean recoveryCodesGenerated,
        int recoveryCodesRemaining) {
    /** Copies {@code passkeys} into an unmodifiable list; {@code null} becomes empty. */
    public UserSecurityStatus {
        passkeys = Immutable.list(passkeys);
    }
}
