package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The start of a passkey registration: pass {@link #publicKey()} to the authenticator (WebAuthn
 * {@code navigator.credentials.create}) and finish with {@code account().finishPasskeyRegistration(credential)}.
 *
 * @param publicKey the WebAuthn {@code PublicKeyCredentialCreationOptions}
 */
public record PasskeyRegistration(
        @JsonProperty("publicKey") JsonNode publicKey) {}
