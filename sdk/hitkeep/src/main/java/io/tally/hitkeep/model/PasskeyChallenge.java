package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The start of a passwordless passkey login: pass {@link #publicKey()} to the authenticator (WebAuthn
 * {@code navigator.credentials.get}) and finish with {@code auth().finishPasskeyLogin(challengeToken, credential)}.
 *
 * @param challengeToken identifies the challenge when finishing
 * @param publicKey the WebAuthn {@code PublicKeyCredentialRequestOptions}
 */
public record PasskeyChallenge(
        String challengeToken,
        @JsonProperty("publicKey") JsonNode publicKey) {
    /** Shows every field except secrets, which are redacted. */
    @Override
    public String toString() {
        return "PasskeyChallenge[" + "challengeToken=██" + ", " + "publicKey=" + publicKey + "]";
    }
}
