package io.tally.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.Credentials;
import io.tally.core.RequestOptions;
import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import io.tally.core.TallyException;
import io.tally.hitkeep.model.AuthSession;
import io.tally.hitkeep.model.InitialUser;
import io.tally.hitkeep.model.MfaChallenge;
import io.tally.hitkeep.model.MfaFactor;
import io.tally.hitkeep.model.PasskeyChallenge;
import io.tally.hitkeep.model.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Dashboard sign-in for the routes that accept only a session (HitKeep reference §2.7): password login with
 * an optional second factor, session timing and renewal, logout, password reset, invitations and first-run
 * setup. The sign-in routes send no API token and are limited by HitKeep to 2 requests a second per IP.
 *
 * <pre>{@code
 * LoginResult login = hitkeep.auth().login("ada@example.com", password).rememberMe(true).execute();
 * if (login.mfaRequired()) {
 *     login = hitkeep.auth().verifyTotp(login.challenge(), "123456").execute();
 * }
 * HitKeep dashboard = login.client();               // sends hk_token (and hk_remember_me)
 * List<ApiClient> clients = dashboard.apiClients().list().execute();
 * dashboard.auth().logout().execute();
 * }</pre>
 *
 * <p>The session token lives 15 minutes by default; {@link #extendSession()} renews it, and a remember-me
 * cookie lets HitKeep renew it on its own. Clients are immutable: renewals return a new client. Passwords,
 * codes and cookie values never appear in messages, logs or {@code toString()}.
 */
public final class Auth {
    private final HitKeep client;

    Auth(HitKeep client) {
        this.client = client;
    }

    /**
     * Logs in with e-mail and password ({@code POST /api/login}). The result is a session client, or — when the
     * user has TOTP or a passkey — a challenge to complete with {@link #verifyTotp}, {@link #verifyRecoveryCode},
     * {@link #requestEmailLink} or {@link #finishPasskeyLogin}.
     *
     * @throws IllegalArgumentException when the e-mail is blank or lacks {@code @}, or the password is empty
     */
    public LoginRequest login(String email, String password) {
        return new LoginRequest(client, email, password);
    }

    /** Completes a login challenge with a code from the user's authenticator app ({@code POST /api/auth/mfa/totp/verify}). */
    public HitKeepCall<LoginResult> verifyTotp(MfaChallenge challenge, String code) {
        return verify("/api/auth/mfa/totp/verify", challenge, MfaFactor.TOTP, code);
    }

    /**
     * Completes a login challenge with one of the user's recovery codes, which is used up
     * ({@code POST /api/auth/mfa/recovery-code/verify}).
     */
    public HitKeepCall<LoginResult> verifyRecoveryCode(MfaChallenge challenge, String code) {
        return verify("/api/auth/mfa/recovery-code/verify", challenge, MfaFactor.RECOVERY_CODE, code);
    }

    /**
     * Asks HitKeep to e-mail a sign-in link for a challenge ({@code POST /api/auth/mfa/email-link/request}); the
     * link leads to the dashboard. To finish in this program instead, take the {@code token} parameter of the
     * mailed link and call {@link #verifyEmailLink(String)}. 503 when the instance cannot send mail.
     */
    public HitKeepCall<Status> requestEmailLink(MfaChallenge challenge) {
        return requestEmailLink(challenge, null);
    }

    /**
     * Like {@link #requestEmailLink(MfaChallenge)}, with the dashboard URL the link returns to.
     *
     * @param returnUrl where the link leads after signing in, or {@code null} for the dashboard
     */
    public HitKeepCall<Status> requestEmailLink(MfaChallenge challenge, @Nullable String returnUrl) {
        Map<String, Object> body = challengeBody(challenge, MfaFactor.EMAIL_LINK);
        if (returnUrl != null) {
            body.put("return_url", returnUrl);
        }
        return publicCall("POST", "/api/auth/mfa/email-link/request", client.context().json(Status.class)).body(body);
    }

    /**
     * Completes a login with the token of a mailed sign-in link ({@code GET /api/auth/mfa/email-link/verify}).
     * HitKeep answers 303 to the link's return URL with the session cookies; the redirect is not followed.
     */
    public HitKeepCall<LoginResult> verifyEmailLink(String token) {
        ResponseReader<LoginResult> reader = new ResponseReader<LoginResult>() {
            @Override
            public LoginResult read(ResponseHandle response) {
                return loggedIn(client, response);
            }

            @Override
            public boolean acceptsRedirect() {
                return true;
            }
        };
        return publicCall("GET", "/api/auth/mfa/email-link/verify", reader).param("token", Inputs.text("token", token));
    }

    /**
     * Starts a passwordless passkey login ({@code POST /api/auth/passkey/login/start}); pass the challenge's
     * {@code publicKey} to the authenticator and finish with {@link #finishPasskeyLogin}.
     */
    public HitKeepCall<PasskeyChallenge> startPasskeyLogin() {
        return publicCall("POST", "/api/auth/passkey/login/start", client.context().json(PasskeyChallenge.class));
    }

    /**
     * Finishes a passkey login, or the passkey factor of a login challenge ({@code POST /api/auth/passkey/login/finish}).
     *
     * @param challengeToken from {@link PasskeyChallenge#challengeToken()} or {@link MfaChallenge#challengeToken()}
     * @param credential     the authenticator's {@code PublicKeyCredential}, as JSON
     * @param rememberMe     whether to set the remember-me cookie too
     */
    public HitKeepCall<LoginResult> finishPasskeyLogin(String challengeToken, JsonNode credential, boolean rememberMe) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge_token", Inputs.text("challengeToken", challengeToken));
        if (credential == null || !credential.isObject()) {
            throw new IllegalArgumentException(
                    "credential must be the authenticator's PublicKeyCredential as a JSON object");
        }
        body.put("credential", credential);
        body.put("remember_me", rememberMe);
        return publicCall("POST", "/api/auth/passkey/login/finish", LoginRequest.reader(client)).body(body);
    }

    /** The current session's timing ({@code GET /api/auth/session}). Session only. */
    public HitKeepCall<AuthSession> session() {
        return new HitKeepCall<>(client, "GET", "/api/auth/session", RouteAuth.SESSION_ONLY, new Object[0],
                client.context().json(AuthSession.class));
    }

    /**
     * Renews the session ({@code POST /api/auth/session/extend}): HitKeep issues a fresh {@code hk_token} and
     * rotates the remember-me cookie when there is one. Use the returned {@link SessionRenewal#client()} from
     * then on. Session only.
     */
    public HitKeepCall<SessionRenewal> extendSession() {
        ResponseReader<AuthSession> timing = client.context().json(AuthSession.class);
        ResponseReader<SessionRenewal> reader = response -> {
            SessionCookies cookies = SessionCookies.of(response);
            AuthSession renewed = timing.read(response);
            if (!cookies.hasToken()) {
                throw new TallyException("HitKeep renewed the session but set no " + HitKeepSession.TOKEN_COOKIE
                        + " cookie; is a proxy stripping Set-Cookie headers?");
            }
            HitKeepSession session = client.renewedSession(cookies.session());
            return new SessionRenewal(renewed, session, client.withRenewedSession(session));
        };
        return new HitKeepCall<>(client, "POST", "/api/auth/session/extend", RouteAuth.SESSION_ONLY, new Object[0],
                reader);
    }

    /**
     * Logs out ({@code POST /api/logout}): sends the session cookies (not the API token) so that HitKeep clears
     * them. Discard the session client afterwards.
     */
    public HitKeepCall<Status> logout() {
        HitKeepCall<Status> call = publicCall("POST", "/api/logout", client.context().json(Status.class));
        Credentials credentials = client.options().credentials();
        if (credentials.has(Credentials.Kind.SESSION_COOKIE)) {
            call.options(RequestOptions.builder()
                    .credentials(credentials.without(Credentials.Kind.BEARER).without(Credentials.Kind.API_KEY))
                    .build());
        }
        return call;
    }

    /** Asks HitKeep to mail a password-reset link ({@code POST /api/auth/forgot-password}); answers ok for unknown addresses too. */
    public HitKeepCall<Status> forgotPassword(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", Inputs.email(email));
        return publicCall("POST", "/api/auth/forgot-password", client.context().json(Status.class)).body(body);
    }

    /** Sets a new password with the token of a reset link ({@code POST /api/auth/reset-password}). */
    public HitKeepCall<Status> resetPassword(String token, String newPassword) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", Inputs.text("token", token));
        body.put("password", Inputs.password("newPassword", newPassword));
        return publicCall("POST", "/api/auth/reset-password", client.context().json(Status.class)).body(body);
    }

    /** Accepts an invitation and sets the new user's password ({@code POST /api/auth/accept-invite}). */
    public HitKeepCall<Status> acceptInvite(String token, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", Inputs.text("token", token));
        body.put("password", Inputs.password("password", password));
        return publicCall("POST", "/api/auth/accept-invite", client.context().json(Status.class)).body(body);
    }

    /**
     * Creates the instance's first user, its owner ({@code POST /api/initial-user}, 201). Open only while
     * {@code server().status()} reports {@code needsSetup}; afterwards HitKeep answers 403.
     *
     * @param password at least 8 characters
     */
    public InitialUserRequest createInitialUser(String email, String password) {
        return new InitialUserRequest(client, Inputs.email(email), Inputs.password("password", password));
    }

    /** First-run setup with optional names; see {@link Auth#createInitialUser(String, String)}. */
    public static final class InitialUserRequest extends HitKeepRequest<InitialUser, InitialUserRequest> {
        private final Map<String, Object> body = new LinkedHashMap<>();

        InitialUserRequest(HitKeep client, String email, String password) {
            super(client, "POST", "/api/initial-user", RouteAuth.PUBLIC, new Object[0],
                    client.context().json(InitialUser.class));
            body.put("email", email);
            body.put("password", password);
            jsonBody(body);
        }

        /** The owner's given name. */
        public InitialUserRequest givenName(String givenName) {
            body.put("given_name", givenName);
            return jsonBody(body);
        }

        /** The owner's last name. */
        public InitialUserRequest lastName(String lastName) {
            body.put("last_name", lastName);
            return jsonBody(body);
        }
    }

    // ---- shared with the request classes ---------------------------------------------------------

    /** The logged-in result of a response that set the session cookies. */
    static LoginResult loggedIn(HitKeep client, ResponseHandle response) {
        SessionCookies cookies = SessionCookies.of(response);
        if (!cookies.hasToken()) {
            throw new TallyException("HitKeep accepted the sign-in (HTTP " + response.statusCode() + ") but set no "
                    + HitKeepSession.TOKEN_COOKIE + " cookie; is a proxy stripping Set-Cookie headers?");
        }
        HitKeepSession session = cookies.session();
        return LoginResult.loggedIn(client.withSession(session), session);
    }

    private HitKeepCall<LoginResult> verify(String route, MfaChallenge challenge, MfaFactor factor, String code) {
        Map<String, Object> body = challengeBody(challenge, factor);
        body.put("code", Inputs.text("code", code));
        return publicCall("POST", route, LoginRequest.reader(client)).body(body);
    }

    private static Map<String, Object> challengeBody(MfaChallenge challenge, MfaFactor factor) {
        Objects.requireNonNull(challenge, "challenge");
        if (!challenge.factors().isEmpty() && !challenge.offers(factor)) {
            throw new IllegalArgumentException("this login challenge does not offer " + factor + " (it offers "
                    + challenge.factors() + ")");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge_token", challenge.challengeToken());
        return body;
    }

    private <T> HitKeepCall<T> publicCall(String method, String route, ResponseReader<T> reader) {
        return new HitKeepCall<>(client, method, route, RouteAuth.PUBLIC, new Object[0], reader);
    }
}
