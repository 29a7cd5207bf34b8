package io.tally.hitkeep.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A login that needs a second factor: the password was right, and HitKeep now waits for one of
 * {@link #factors()} within 5 minutes. Complete it with {@code auth().verifyTotp(challenge, code)},
 * {@code auth().verifyRecoveryCode(challenge, code)}, {@code auth().requestEmailLink(challenge)} or a passkey.
 * {@link #toString()} never shows the challenge token.
 *
 * @param challengeToken identifies the challenge (a UUID); treat it as a secret while it is valid
 * @param factors        the factors that can complete it: only those the user has set up
 * @param passkey        the WebAuthn {@code PublicKeyCredentialRequestOptions} when {@link MfaFactor#PASSKEY}
 *                       is offered, else {@code null}
 */
public record MfaChallenge(String challengeToken, List<MfaFactor> factors, @Nullable JsonNode passkey) {
    /**
     * Copies {@code factors} into an unmodifiable list ({@code null} becomes empty).
     *
     * @throws IllegalArgumentException when {@code challengeToken} is null or blank
     */
    public MfaChallenge {
        if (challengeToken == null || challengeToken.trim().isEmpty()) {
            throw new IllegalArgumentException("challengeToken must not be null or blank");
        }
        factors = Immutable.list(factors);
    }

    /** Whether {@code factor} can complete this challenge. */
    public boolean offers(MfaFactor factor) {
        return factors.contains(factor);
    }

    @Override
    public String toString() {
        return "MfaChallenge[challengeToken=██, factors=" + factors + "]";
    }
}
