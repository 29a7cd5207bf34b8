package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A second factor that can complete a login challenge: {@code totp}, {@code recovery_code},
 * {@code email_link} or {@code passkey}.
 */
public final class MfaFactor {
    /** A code from an authenticator app. */
    public static final MfaFactor TOTP = new MfaFactor("totp");
    /** One of the user's unused recovery codes. */
    public static final MfaFactor RECOVERY_CODE = new MfaFactor("recovery_code");
    /** A sign-in link sent by e-mail. */
    public static final MfaFactor EMAIL_LINK = new MfaFactor("email_link");
    /** A WebAuthn passkey. */
    public static final MfaFactor PASSKEY = new MfaFactor("passkey");

    private final String value;

    private MfaFactor(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static MfaFactor of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("mfaFactor must not be null or blank");
        }
        return new MfaFactor(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MfaFactor && (((MfaFactor) o).value.equals(value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
