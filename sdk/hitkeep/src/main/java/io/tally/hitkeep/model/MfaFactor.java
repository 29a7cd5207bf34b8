package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A second factor that can complete a login challenge: {@code totp}, {@code recovery_code},
 * {@code email_link} or {@code passkey}.
 */
public final class MfaFactor extends OpenValue {
    /** A code from an authenticator app. */
    public static final MfaFactor TOTP = new MfaFactor("totp");
    /** One of the user's unused recovery codes. */
    public static final MfaFactor RECOVERY_CODE = new MfaFactor("recovery_code");
    /** A sign-in link sent by e-mail. */
    public static final MfaFactor EMAIL_LINK = new MfaFactor("email_link");
    /** A WebAuthn passkey. */
    public static final MfaFactor PASSKEY = new MfaFactor("passkey");

    private MfaFactor(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static MfaFactor of(String value) {
        return new MfaFactor(OpenValue.lowerCase(value, "mfaFactor"));
    }
}
