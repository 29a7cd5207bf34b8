package io.tally.testkit.hitkeep;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Who may call what (reference §2): API-client tokens with explicit site grants, dashboard users with session
 * cookies, MFA challenges, and the permission rules that turn into 401, 403 {@code Access denied} and 403
 * {@code Forbidden}.
 */
final class AccessControl {
    static final String SESSION_COOKIE = "hk_token";
    static final String REMEMBER_COOKIE = "hk_remember_me";
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);
    static final Duration REMEMBER_LIFETIME = Duration.ofDays(30);
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    /** An API client: its token, its grants, and whether it belongs to a team rather than a user. */
    record ApiToken(String value, List<Grant> grants, boolean team) {
        @Override
        public String toString() {
            return "ApiToken{" + (team ? "team" : "personal") + ", grants=" + grants + "}";
        }
    }

    record Session(String token, DashboardUser user, Instant issuedAt, Instant expiresAt, boolean remembered) {}

    record RememberMe(DashboardUser user, Instant expiresAt) {}

    record Challenge(DashboardUser user, boolean rememberMe, Instant expiresAt) {}

    /** The caller of one request: an API client or a signed-in user. */
    static final class Principal {
        final @Nullable ApiToken token;
        final @Nullable Session session;

        private Principal(@Nullable ApiToken token, @Nullable Session session) {
            this.token = token;
            this.session = session;
        }

        boolean isToken() {
            return token != null;
        }

        @Nullable
        DashboardUser user() {
            return session == null ? null : session.user();
        }

        /** The session of a signed-in user, on a route that accepts only sessions. */
        Session requireSession() {
            return Objects.requireNonNull(session, "session"); // SESSION_ONLY routes refuse the call without one
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ApiToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, DashboardUser> users = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, RememberMe> remembered = new ConcurrentHashMap<>();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Set<String> usedRecoveryCodes = ConcurrentHashMap.newKeySet();
    /** Grants a user gained at runtime, e.g. owner of a site they created. */
    private final Map<String, List<Grant>> extraGrants = new ConcurrentHashMap<>();

    void clear() {
        extraGrants.clear();
        tokens.clear();
        users.clear();
        sessions.clear();
        remembered.clear();
        challenges.clear();
        usedRecoveryCodes.clear();
    }

    void addToken(String value, List<Grant> grants, boolean team) {
        tokens.put(value, new ApiToken(value, Collections.unmodifiableList(new ArrayList<>(grants)), team));
    }

    boolean revokeToken(String value) {
        return tokens.remove(value) != null;
    }

    void addUser(DashboardUser user) {
        users.put(user.email(), user);
    }

    @Nullable
    DashboardUser user(@Nullable String email) {
        return email == null ? null : users.get(email.trim().toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------------------------------ credentials

    /**
     * The API-client token of a request: {@code Authorization: Bearer} (scheme case-insensitive) wins over
     * {@code X-API-Key}. Returns {@code null} when neither header carries one.
     */
    static @Nullable String presentedToken(Call call) {
        String authorization = call.header("Authorization");
        if (authorization != null) {
            String a = authorization.trim();
            int space = a.indexOf(' ');
            if (space > 0 && a.substring(0, space).equalsIgnoreCase("Bearer")) {
                return a.substring(space + 1).trim();
            }
        }
        String apiKey = call.header("X-API-Key");
        return apiKey == null || apiKey.trim().isEmpty() ? null : apiKey.trim();
    }

    /** The token principal, {@code null} when no token was sent; an unknown token is {@code 401}. */
    @Nullable
    Principal tokenPrincipal(Call call) {
        String presented = presentedToken(call);
        if (presented == null) {
            return null;
        }
        ApiToken token = tokens.get(presented);
        if (token == null) {
            throw HttpError.unauthorized();
        }
        return new Principal(token, null);
    }

    /**
     * The session principal from {@code hk_token}, or from {@code hk_remember_me} when the session has expired
     * (which issues a fresh {@code hk_token} on the response); {@code null} without a valid session.
     */
    @Nullable
    Principal sessionPrincipal(Call call, boolean secure) {
        String cookie = call.cookie(SESSION_COOKIE);
        if (cookie != null) {
            Session s = sessions.get(cookie);
            if (s != null && call.now.isBefore(s.expiresAt())) {
                return new Principal(null, s);
            }
        }
        String rememberCookie = call.cookie(REMEMBER_COOKIE);
        if (rememberCookie != null) {
            RememberMe r = remembered.get(rememberCookie);
            if (r != null && call.now.isBefore(r.expiresAt())) {
                Session s = newSession(r.user(), call.now, true);
                call.responseHeaders().add("Set-Cookie", cookie(SESSION_COOKIE, s.token(), SESSION_LIFETIME, secure));
                return new Principal(null, s);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ permissions

    /**
     * Checks a site permission. API clients need an explicit grant for the site ({@code 403 Access denied}
     * without one) whose role has the permission ({@code 403 Forbidden} otherwise). Users: an instance owner may do
     * anything, an instance admin may view every site, anyone else needs a membership.
     */
    void require(Principal p, String siteId, SitePermission permission) {
        if (p.token != null) {
            check(p.token.grants(), siteId, permission);
            return;
        }
        DashboardUser user = Objects.requireNonNull(p.user(), "user"); // a principal without a token has a session
        if (user.instanceRole() == DashboardUser.InstanceRole.OWNER) {
            return;
        }
        if (user.instanceRole() == DashboardUser.InstanceRole.ADMIN && permission == SitePermission.VIEW) {
            return;
        }
        List<Grant> grants = new ArrayList<>(user.grants());
        grants.addAll(extraGrants.getOrDefault(user.id(), List.of()));
        check(grants, siteId, permission);
    }

    void grantToUser(DashboardUser user, Grant grant) {
        extraGrants.computeIfAbsent(user.id(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(grant);
    }

    private static void check(List<Grant> grants, String siteId, SitePermission permission) {
        boolean covered = false;
        for (Grant g : grants) {
            if (g.covers(siteId)) {
                covered = true;
                if (g.role().allows(permission)) {
                    return;
                }
            }
        }
        throw covered ? HttpError.forbidden() : HttpError.accessDenied();
    }

    /** Whether the principal may see the site, for {@code GET /api/sites}. */
    boolean canView(Principal p, String siteId) {
        try {
            require(p, siteId, SitePermission.VIEW);
            return true;
        } catch (HttpError e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------ sessions

    Session newSession(DashboardUser user, Instant now, boolean remembered) {
        Session s = new Session(opaque("hks_"), user, now, now.plus(SESSION_LIFETIME), remembered);
        sessions.put(s.token(), s);
        return s;
    }

    String rememberMe(DashboardUser user, Instant now) {
        String value = opaque("hkr_");
        remembered.put(value, new RememberMe(user, now.plus(REMEMBER_LIFETIME)));
        return value;
    }

    @Nullable
    RememberMe remembered(@Nullable String value) {
        return value == null ? null : remembered.get(value);
    }

    void endSessionToken(String token) {
        sessions.remove(token);
    }

    void endSession(Call call) {
        String s = call.cookie(SESSION_COOKIE);
        if (s != null) {
            sessions.remove(s);
        }
        String r = call.cookie(REMEMBER_COOKIE);
        if (r != null) {
            remembered.remove(r);
        }
    }

    String newChallenge(DashboardUser user, boolean rememberMe, Instant now) {
        String id = UUID.randomUUID().toString();
        challenges.put(id, new Challenge(user, rememberMe, now.plus(CHALLENGE_LIFETIME)));
        return id;
    }

    @Nullable
    Challenge challenge(String id) {
        return challenges.get(id);
    }

    void completeChallenge(String id) {
        challenges.remove(id);
    }

    /** Uses up a recovery code; {@code false} if it is wrong or already used. */
    boolean useRecoveryCode(DashboardUser user, String code) {
        if (!user.recoveryCodes().contains(code)) {
            return false;
        }
        return usedRecoveryCodes.add(user.email() + "\n" + code);
    }

    int remainingRecoveryCodes(DashboardUser user) {
        int n = 0;
        for (String code : user.recoveryCodes()) {
            n += usedRecoveryCodes.contains(user.email() + "\n" + code) ? 0 : 1;
        }
        return n;
    }

    static String cookie(String name, String value, Duration maxAge, boolean secure) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge.getSeconds() + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    static String clearedCookie(String name, boolean secure) {
        return name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    private String opaque(String prefix) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(prefix);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
