package io.tally.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.CurrentIp;
import io.tally.hitkeep.model.PasskeyRegistration;
import io.tally.hitkeep.model.PermissionContext;
import io.tally.hitkeep.model.ProfileInput;
import io.tally.hitkeep.model.RecoveryCodes;
import io.tally.hitkeep.model.Status;
import io.tally.hitkeep.model.TotpSetup;
import io.tally.hitkeep.model.UserBootstrap;
import io.tally.hitkeep.model.UserOnboarding;
import io.tally.hitkeep.model.UserPreferences;
import io.tally.hitkeep.model.UserProfile;
import io.tally.hitkeep.model.UserSecurityStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's own account ({@code /api/user/…}): profile, preferences, permissions, password,
 * second factors and data takeout. <b>Session only</b>: call these on the client from {@code auth().login(…)};
 * with only an API token they fail before sending with {@link SessionRequiredException}.
 *
 * <pre>{@code
 * UserProfile me = dashboard.account().profile().execute();
 * dashboard.account().takeout().format(ExportFormat.JSON).into(Paths.get("my-hitkeep.json")).execute();
 * }</pre>
 */
public final class Account {
    private final HitKeep client;

    Account(HitKeep client) {
        this.client = client;
    }

    /** The user's profile ({@code GET /api/user/profile}). */
    public HitKeepCall<UserProfile> profile() {
        return call("GET", "/api/user/profile", client.context().json(UserProfile.class));
    }

    /** Replaces the user's e-mail address and names ({@code PUT /api/user/profile}). */
    public HitKeepCall<UserProfile> updateProfile(ProfileInput profile) {
        Objects.requireNonNull(profile, "profile");
        return call("PUT", "/api/user/profile", client.context().json(UserProfile.class)).body(profile);
    }

    /** The user's avatar image ({@code GET /api/user/avatar}); see {@link AvatarRequest#size(int)}. */
    public AvatarRequest avatar() {
        return new AvatarRequest(client);
    }

    /** The dashboard preferences ({@code GET /api/user/preferences}). */
    public HitKeepCall<UserPreferences> preferences() {
        return call("GET", "/api/user/preferences", client.context().json(UserPreferences.class));
    }

    /** Replaces the dashboard preferences ({@code PUT /api/user/preferences}). */
    public HitKeepCall<UserPreferences> updatePreferences(UserPreferences preferences) {
        Objects.requireNonNull(preferences, "preferences");
        return call("PUT", "/api/user/preferences", client.context().json(UserPreferences.class)).body(preferences);
    }

    /** What the user may do on the instance, its sites and the active team ({@code GET /api/user/permissions}). */
    public HitKeepCall<PermissionContext> permissions() {
        return call("GET", "/api/user/permissions", client.context().json(PermissionContext.class));
    }

    /**
     * Everything the dashboard loads at start in one call ({@code GET /api/user/bootstrap}); marked internal in
     * HitKeep's OpenAPI document, so its shape may change between releases.
     */
    public HitKeepCall<UserBootstrap> bootstrap() {
        return call("GET", "/api/user/bootstrap", client.context().json(UserBootstrap.class));
    }

    /** The caller's IP address as HitKeep sees it ({@code GET /api/user/current-ip}), e.g. to exclude it. */
    public HitKeepCall<CurrentIp> currentIp() {
        return call("GET", "/api/user/current-ip", client.context().json(CurrentIp.class));
    }

    /** The onboarding checklist ({@code GET /api/user/onboarding}). */
    public HitKeepCall<UserOnboarding> onboarding() {
        return call("GET", "/api/user/onboarding", client.context().json(UserOnboarding.class));
    }

    /** Hides the onboarding checklist ({@code POST /api/user/onboarding/dismiss}). */
    public HitKeepCall<Status> dismissOnboarding() {
        return call("POST", "/api/user/onboarding/dismiss", client.context().json(Status.class));
    }

    /**
     * Changes the password ({@code POST /api/user/password}); 401 when {@code currentPassword} is wrong.
     *
     * @param newPassword at least 8 characters
     */
    public HitKeepCall<Status> changePassword(String currentPassword, String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new IllegalArgumentException("currentPassword must not be null or empty");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("current_password", currentPassword);
        body.put("new_password", Inputs.password("newPassword", newPassword));
        return call("POST", "/api/user/password", client.context().json(Status.class)).body(body);
    }

    /** The user's second factors ({@code GET /api/user/security}). */
    public HitKeepCall<UserSecurityStatus> security() {
        return call("GET", "/api/user/security", client.context().json(UserSecurityStatus.class));
    }

    /**
     * Starts a TOTP setup ({@code POST /api/user/security/totp/setup/start}); show the returned secret to the
     * user's authenticator app, then confirm with {@link #verifyTotpSetup(String)}.
     */
    public HitKeepCall<TotpSetup> startTotpSetup() {
        return call("POST", "/api/user/security/totp/setup/start", client.context().json(TotpSetup.class));
    }

    /** Turns TOTP on with a first code from the authenticator app ({@code POST /api/user/security/totp/setup/verify}). */
    public HitKeepCall<UserSecurityStatus> verifyTotpSetup(String code) {
        return call("POST", "/api/user/security/totp/setup/verify", client.context().json(UserSecurityStatus.class))
                .body(codeBody(code));
    }

    /** Turns TOTP off; needs a current code ({@code POST /api/user/security/totp/disable}). */
    public HitKeepCall<UserSecurityStatus> disableTotp(String code) {
        return call("POST", "/api/user/security/totp/disable", client.context().json(UserSecurityStatus.class))
                .body(codeBody(code));
    }

    /**
     * Replaces the recovery codes with new ones, shown only in the answer
     * ({@code POST /api/user/security/recovery-codes/regenerate}).
     */
    public HitKeepCall<RecoveryCodes> regenerateRecoveryCodes() {
        return call("POST", "/api/user/security/recovery-codes/regenerate", client.context().json(RecoveryCodes.class));
    }

    /**
     * Starts registering a passkey ({@code POST /api/user/security/passkeys/register/start}); pass the returned
     * options to the authenticator, then call {@link #finishPasskeyRegistration(JsonNode)}.
     *
     * @param name a label for the passkey, or {@code null}
     */
    public HitKeepCall<PasskeyRegistration> startPasskeyRegistration(@Nullable String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        return call("POST", "/api/user/security/passkeys/register/start",
                client.context().json(PasskeyRegistration.class))
                .body(body);
    }

    /**
     * Finishes a passkey registration ({@code POST /api/user/security/passkeys/register/finish}).
     *
     * @param credential the authenticator's {@code PublicKeyCredential} as JSON, with {@code id}, {@code rawId},
     *                   {@code response} and {@code type}
     */
    public HitKeepCall<UserSecurityStatus> finishPasskeyRegistration(JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw new IllegalArgumentException(
                    "credential must be the authenticator's PublicKeyCredential as a JSON object");
        }
        for (String field : new String[] {"id", "rawId", "response", "type"}) {
            if (!credential.hasNonNull(field)) {
                throw new IllegalArgumentException(
                        "credential." + field + " is required (a WebAuthn PublicKeyCredential has "
                                + "id, rawId, response and type)");
            }
        }
        return call("POST", "/api/user/security/passkeys/register/finish",
                client.context().json(UserSecurityStatus.class))
                .body(credential);
    }

    /** Removes a passkey ({@code DELETE /api/user/security/passkeys/{id}}). */
    public HitKeepCall<UserSecurityStatus> deletePasskey(String passkeyId) {
        return call("DELETE", "/api/user/security/passkeys/{id}", client.context().json(UserSecurityStatus.class),
                Inputs.id("passkeyId", passkeyId));
    }

    /**
     * A takeout of everything the user owns ({@code GET /api/user/takeout}), xlsx unless
     * {@link ExportRequest#format(ExportFormat) format} says otherwise; stream it with {@code into(Path)}.
     */
    public ExportRequest takeout() {
        return new ExportRequest(client, "/api/user/takeout", RouteAuth.SESSION_ONLY);
    }

    /** The avatar image request; HitKeep renders initials when the user has no picture. */
    public static final class AvatarRequest extends FileRequest<AvatarRequest> {
        AvatarRequest(HitKeep client) {
            super(client, "/api/user/avatar", RouteAuth.SESSION_ONLY, new Object[0], new DownloadTarget());
        }

        /** The edge length in pixels ({@code s}). */
        public AvatarRequest size(int pixels) {
            if (pixels < 1) {
                throw new IllegalArgumentException("size must be at least 1 pixel, got " + pixels);
            }
            return query("s", pixels);
        }
    }

    private static Map<String, Object> codeBody(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", Inputs.text("code", code));
        return body;
    }

    private <T> HitKeepCall<T> call(String method, String route, ResponseReader<T> reader, Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.SESSION_ONLY, path, reader);
    }
}
