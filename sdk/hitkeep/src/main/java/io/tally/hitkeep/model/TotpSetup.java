package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * The start of a TOTP setup: show {@link #otpauthUrl()} as a QR code (or {@link #secret()} for manual
 * entry), then confirm with {@code account().verifyTotpSetup(code)}. {@link #toString()} never shows the secret.
 *
 * @param secret the shared secret, base32
 * @param otpauthUrl the {@code otpauth://} URL that carries the secret
 * @param expiresAt when the setup expires unless verified
 */
public record TotpSetup(
        String secret,
        String otpauthUrl,
        Instant expiresAt) {
    /** Shows every field except secrets, which are redacted. */
    @Override
    public String toString() {
        return "TotpSetup[" + "secret=██" + ", " + "otpauthUrl=██" + ", " + "expiresAt=" + expiresAt + "]";
    }
}
