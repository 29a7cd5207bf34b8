package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.testkit.hitkeep.AccessControl.Challenge;
import io.tally.testkit.hitkeep.AccessControl.RememberMe;
import io.tally.testkit.hitkeep.AccessControl.Session;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.RouteTable.AuthMode;
import io.tally.testkit.hitkeep.RouteTable.Limiter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** System, site, login and session routes. */
final class CoreRoutes {
    private static final Pattern HOSTNAME = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

    private final FakeState state;

    CoreRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("GET", "/api/status").auth(AuthMode.PUBLIC).limiter(null).to(this::status);
        t.route("GET", "/healthz").auth(AuthMode.PUBLIC).limiter(null)
                .to(c -> c.text(200, "text/plain; charset=utf-8", "OK"));
        t.route("GET", "/readyz").auth(AuthMode.PUBLIC).limiter(null)
                .to(c -> c.text(200, "text/plain; charset=utf-8", "Ready"));

        t.route("POST", "/api/login").auth(AuthMode.PUBLIC).limiter(Limiter.AUTH).to(this::login);
        t.route("POST", "/api/logout").auth(AuthMode.PUBLIC).limiter(Limiter.AUTH).to(this::logout);
        t.route("POST", "/api/auth/mfa/totp/verify").auth(AuthMode.PUBLIC).limiter(Limiter.AUTH).to(this::verifyTotp);
        t.route("POST", "/api/auth/mfa/recovery-code/verify").auth(AuthMode.PUBLIC).limiter(Limiter.AUTH)
                .to(this::verifyRecoveryCode);
        t.route("GET", "/api/auth/session").auth(AuthMode.SESSION_ONLY).to(this::session);
        t.route("POST", "/api/auth/session/extend").auth(AuthMode.SESSION_ONLY).limiter(Limiter.AUTH).to(this::extend);
        t.route("GET", "/api/user/profile").auth(AuthMode.SESSION_ONLY).to(this::profile);

        t.route("GET", "/api/sites").to(this::listSites);
        t.route("POST", "/api/sites").auth(AuthMode.SESSION_ONLY).to(this::createSite);
        t.route("DELETE", "/api/sites/{id}").site(SitePermission.DELETE).to(this::deleteSite);
        t.route("GET", "/api/sites/{id}/tracking/status").site(SitePermission.VIEW).to(this::trackingStatus);
    }

    private void status(Call c) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("needs_setup", false);
        out.put("version", state.config.version());
        c.json(200, out);
    }

    // ------------------------------------------------------------------------------------------------- login

    private void login(Call c) throws IOException {
        JsonNode body = c.jsonBody();
        if (body == null || !body.path("email").isTextual() || !body.path("password").isTextual()) {
            throw HttpError.badRequest("Invalid request body");
        }
        DashboardUser user = state.access.user(body.get("email").asText());
        if (user == null || !user.passwordMatches(body.get("password").asText())) {
            throw new HttpError(401, "Invalid email or password");
        }
        boolean rememberMe = body.path("remember_me").asBoolean(false);
        if (user.hasMfa()) {
            List<String> factors = new ArrayList<>();
            if (user.totpCode() != null) {
                factors.add("totp");
            }
            if (state.access.remainingRecoveryCodes(user) > 0) {
                factors.add("recovery_code");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", "mfa_required");
            out.put("challenge_token", state.access.newChallenge(user, rememberMe, c.now));
            out.put("factors", factors);
            c.json(200, out);
            return;
        }
        signIn(c, user, rememberMe);
    }

    private void signIn(Call c, DashboardUser user, boolean rememberMe) throws IOException {
        boolean secure = state.secureCookies();
        Session s = state.access.newSession(user, c.now, rememberMe);
        c.responseHeaders().add("Set-Cookie",
                AccessControl.cookie(AccessControl.SESSION_COOKIE, s.token(), AccessControl.SESSION_LIFETIME, secure));
        if (rememberMe) {
            c.responseHeaders().add("Set-Cookie", AccessControl.cookie(AccessControl.REMEMBER_COOKIE,
                    state.access.rememberMe(user, c.now), AccessControl.REMEMBER_LIFETIME, secure));
        }
        c.json(200, Json.status("ok"));
    }

    /** The body of an MFA verification: an object with a text {@code challenge_token} and {@code code}. */
    private static JsonNode challengeBody(Call c) {
        JsonNode body = c.jsonBody();
        if (body == null || !body.path("challenge_token").isTextual() || !body.path("code").isTextual()) {
            throw HttpError.badRequest("Invalid request body");
        }
        return body;
    }

    private Challenge openChallenge(Call c, JsonNode body) {
        String id = body.get("challenge_token").asText().trim();
        if (!Labels.isUuid(id)) {
            throw HttpError.badRequest("Invalid challenge token");
        }
        Challenge challenge = state.access.challenge(id);
        if (challenge == null) {
            throw new HttpError(409, "MFA challenge not found");
        }
        if (!c.now.isBefore(challenge.expiresAt())) {
            state.access.completeChallenge(id);
            throw new HttpError(410, "MFA challenge expired");
        }
        return challenge;
    }

    private void verifyTotp(Call c) throws IOException {
        JsonNode body = challengeBody(c);
        Challenge challenge = openChallenge(c, body);
        if (challenge.user().totpCode() == null) {
            throw new HttpError(409, "TOTP is not enabled");
        }
        if (!challenge.user().totpCode().equals(body.get("code").asText().trim())) {
            throw new HttpError(401, "Invalid TOTP code");
        }
        state.access.completeChallenge(body.get("challenge_token").asText().trim());
        signIn(c, challenge.user(), challenge.rememberMe());
    }

    private void verifyRecoveryCode(Call c) throws IOException {
        JsonNode body = challengeBody(c);
        Challenge challenge = openChallenge(c, body);
        if (!state.access.useRecoveryCode(challenge.user(), body.get("code").asText().trim())) {
            throw new HttpError(401, "Invalid recovery code");
        }
        state.access.completeChallenge(body.get("challenge_token").asText().trim());
        signIn(c, challenge.user(), challenge.rememberMe());
    }

    private void logout(Call c) throws IOException {
        state.access.endSession(c);
        boolean secure = state.secureCookies();
        c.responseHeaders().add("Set-Cookie", AccessControl.clearedCookie(AccessControl.SESSION_COOKIE, secure));
        c.responseHeaders().add("Set-Cookie", AccessControl.clearedCookie(AccessControl.REMEMBER_COOKIE, secure));
        c.json(200, Json.status("ok"));
    }

    private void session(Call c) throws IOException {
        c.json(200, authSession(c, c.principal().requireSession()));
    }

    private void extend(Call c) throws IOException {
        Session old = c.principal().requireSession();
        state.access.endSessionToken(old.token());
        Session fresh = state.access.newSession(old.user(), c.now, old.remembered());
        c.responseHeaders().add("Set-Cookie", AccessControl.cookie(AccessControl.SESSION_COOKIE, fresh.token(),
                AccessControl.SESSION_LIFETIME, state.secureCookies()));
        c.json(200, authSession(c, fresh));
    }

    private Map<String, Object> authSession(Call c, Session s) {
        RememberMe remember = state.access.remembered(c.cookie(AccessControl.REMEMBER_COOKIE));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("duration_seconds", AccessControl.SESSION_LIFETIME.getSeconds());
        out.put("expires_at", s.expiresAt());
        out.put("extendable", true);
        out.put("issued_at", s.issuedAt());
        if (remember != null) {
            out.put("remember_expires_at", remember.expiresAt());
        }
        out.put("remember_me_duration_days", AccessControl.REMEMBER_LIFETIME.toDays());
        out.put("remembered", remember != null);
        out.put("timing_adjustable", false);
        out.put("warning_seconds", 120);
        return out;
    }

    private void profile(Call c) throws IOException {
        DashboardUser u = c.principal().requireSession().user();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("email", u.email());
        out.put("given_name", u.givenName());
        out.put("last_name", u.lastName());
        String display = (u.givenName() + " " + u.lastName()).trim();
        out.put("display_name", display.isEmpty() ? u.email() : display);
        out.put("avatar_url", "/api/user/avatar");
        c.json(200, out);
    }

    // ------------------------------------------------------------------------------------------------- sites

    private void listSites(Call c) throws IOException {
        List<Model.Site> visible = new ArrayList<>();
        for (SiteData s : state.sites()) {
            if (state.access.canView(c.principal(), s.id())) {
                visible.add(s.site);
            }
        }
        c.json(200, visible);
    }

    private void createSite(Call c) throws IOException {
        JsonNode body = c.jsonBody();
        if (body == null || (body.has("domain") && !body.get("domain").isTextual())) {
            throw HttpError.badRequest("Invalid request body");
        }
        String domain = body.path("domain").asText("").trim().toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            throw HttpError.badRequest("Domain is required");
        }
        if (domain.contains("://")) {
            throw HttpError.badRequest("Domain must not contain protocol (http:// or https://)");
        }
        if (domain.startsWith("www.")) {
            throw HttpError.badRequest("Domain must not start with 'www.' (we track subdomains automatically)");
        }
        if (domain.length() > 253 || !HOSTNAME.matcher(domain).matches()) {
            throw HttpError.badRequest("Invalid domain format (e.g. example.com)");
        }
        if (state.siteByHost(domain) != null) {
            throw new HttpError(409, "Failed to create site (domain might already exist)");
        }
        DashboardUser user = c.principal().requireSession().user();
        SiteData created = state.addSite(domain, user.id(), user.email());
        state.access.grantToUser(user, Grant.site(created.id(), Role.OWNER));
        c.json(200, created.site);
    }

    private void deleteSite(Call c) throws IOException {
        state.removeSite(c.site().id());
        c.json(200, Json.status("ok"));
    }

    private void trackingStatus(Call c) throws IOException {
        SiteData site = c.site();
        Hit first = null;
        Hit last = null;
        for (Hit h : site.hits(c.now)) {
            if (first == null || h.timestamp.isBefore(first.timestamp)) {
                first = h;
            }
            if (last == null || h.timestamp.isAfter(last.timestamp)) {
                last = h;
            }
        }
        Event lastEvent = null;
        for (Event e : site.events(c.now)) {
            if (lastEvent == null || e.timestamp().isAfter(lastEvent.timestamp())) {
                lastEvent = e;
            }
        }
        String status = last == null ? "waiting"
                : Duration.between(last.timestamp, c.now).compareTo(Duration.ofDays(7)) > 0 ? "dormant" : "live";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site_id", site.id());
        out.put("configured_domain", site.site.domain());
        out.put("status", status);
        if (first != null && last != null) { // both or neither
            out.put("first_hit_at", first.timestamp);
            out.put("last_hit_at", last.timestamp);
            out.put("last_hostname", last.hostname);
            out.put("tracker_source", "hk.js");
            out.put("tracker_version", state.config.version());
        }
        if (lastEvent != null) {
            out.put("last_event_at", lastEvent.timestamp());
            out.put("last_event_name", lastEvent.name());
        }
        Instant updated = last == null ? site.site.createdAt() : last.timestamp;
        out.put("updated_at", updated);
        c.json(200, out);
    }
}
