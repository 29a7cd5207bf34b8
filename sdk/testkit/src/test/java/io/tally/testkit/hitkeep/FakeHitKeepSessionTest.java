package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeHitKeepSessionTest {
    private ManualClock clock;
    private FakeHitKeep fake;
    private Http http;

    @BeforeEach
    void start() {
        clock = ManualClock.at(Fixtures.NOW);
        fake = FakeHitKeep.builder().clock(clock).now(Fixtures.NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS))
                .start();
        http = new Http(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Http.Reply post(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Origin";
        all[1] = fake.publicOrigin();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post(path, body, all);
    }

    private Http.Reply login(String email, String password, boolean rememberMe) {
        return post("/api/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"remember_me\":"
                + rememberMe + "}");
    }

    /** The {@code name=value} pair of a Set-Cookie header of the reply. */
    private static String cookie(Http.Reply r, String name) {
        for (String setCookie : r.headers("Set-Cookie")) {
            if (setCookie.startsWith(name + "=")) {
                return setCookie.substring(0, setCookie.indexOf(';'));
            }
        }
        return null;
    }

    @Test
    void wrongPasswordIs401WithHitKeepsMessage() {
        Http.Reply r = login(HitKeepDemo.OWNER_EMAIL, "wrong", false);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("Invalid email or password\n");
    }

    @Test
    void malformedLoginBodyIs400() {
        assertThat(post("/api/login", "not json").body()).isEqualTo("Invalid request body\n");
    }

    @Test
    void loginSetsHkTokenThatOpensSessionOnlyRoutes() {
        Http.Reply r = login(HitKeepDemo.OWNER_EMAIL, HitKeepDemo.PASSWORD, false);

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("ok");
        assertThat(r.headers("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("hk_token=").contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=900"));
        assertThat(cookie(r, "hk_remember_me")).isNull();
        String session = cookie(r, "hk_token");

        JsonNode authSession = json(http.get("/api/auth/session", "Cookie", session));
        assertThat(authSession.get("duration_seconds").asInt()).isEqualTo(900);
        assertThat(authSession.get("remembered").asBoolean()).isFalse();
        assertThat(json(http.get("/api/user/profile", "Cookie", session)).get("email").asText())
                .isEqualTo(HitKeepDemo.OWNER_EMAIL);
        // The instance owner sees every site.
        assertThat(json(http.get("/api/sites", "Cookie", session))).hasSize(3);
    }

    @Test
    void sessionExpiresAfterFifteenMinutesByTheFakesClock() {
        String session = cookie(login(HitKeepDemo.OWNER_EMAIL, HitKeepDemo.PASSWORD, false), "hk_token");

        clock.advance(Duration.ofMinutes(14));
        assertThat(http.get("/api/auth/session", "Cookie", session).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(http.get("/api/auth/session", "Cookie", session).status()).isEqualTo(401);
    }

    @Test
    void rememberMeRenewsAnExpiredSession() {
        Http.Reply login = login(HitKeepDemo.OWNER_EMAIL, HitKeepDemo.PASSWORD, true);
        String session = cookie(login, "hk_token");
        String remember = cookie(login, "hk_remember_me");
        assertThat(remember).isNotNull();

        clock.advance(Duration.ofHours(2));
        Http.Reply r = http.get("/api/auth/session", "Cookie", session + "; " + remember);

        assertThat(r.status()).isEqualTo(200);
        assertThat(json(r).get("remembered").asBoolean()).isTrue();
        assertThat(cookie(r, "hk_token")).isNotNull().isNotEqualTo(session);
    }

    @Test
    void logoutEndsTheSessionAndClearsCookies() {
        String session = cookie(login(HitKeepDemo.OWNER_EMAIL, HitKeepDemo.PASSWORD, false), "hk_token");

        Http.Reply out = post("/api/logout", "", "Cookie", session);

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.headers("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("hk_token=;").contains("Max-Age=0"));
        assertThat(http.get("/api/auth/session", "Cookie", session).status()).isEqualTo(401);
    }

    @Test
    void mfaUserGetsAChallengeAndCompletesItWithTheTotpCode() {
        Http.Reply r = login(HitKeepDemo.MFA_EMAIL, HitKeepDemo.PASSWORD, false);

        JsonNode challenge = json(r);
        assertThat(r.headers("Set-Cookie")).isEmpty();
        assertThat(challenge.get("status").asText()).isEqualTo("mfa_required");
        assertThat(challenge.get("factors")).extracting(JsonNode::asText).containsExactly("totp", "recovery_code");
        String token = challenge.get("challenge_token").asText();

        Http.Reply wrong = post("/api/auth/mfa/totp/verify",
                "{\"challenge_token\":\"" + token + "\",\"code\":\"000000\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("Invalid TOTP code\n");

        Http.Reply ok = post("/api/auth/mfa/totp/verify",
                "{\"challenge_token\":\"" + token + "\",\"code\":\"" + HitKeepDemo.TOTP_CODE + "\"}");
        assertThat(ok.status()).isEqualTo(200);
        String session = cookie(ok, "hk_token");
        assertThat(session).isNotNull();
        // A viewer on every site: reads work, the session-only routes open.
        assertThat(http.get("/api/auth/session", "Cookie", session).status()).isEqualTo(200);
        assertThat(json(http.get("/api/sites", "Cookie", session))).hasSize(3);

        Http.Reply reused = post("/api/auth/mfa/totp/verify",
                "{\"challenge_token\":\"" + token + "\",\"code\":\"" + HitKeepDemo.TOTP_CODE + "\"}");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body()).isEqualTo("MFA challenge not found\n");
    }

    @Test
    void totpCodeIsConfigurable() {
        try (FakeHitKeep custom = Fixtures.builder().totpCode("246810").start()) {
            Http h = new Http(custom);
            String token = json(h.post("/api/login", "{\"email\":\"" + HitKeepDemo.MFA_EMAIL + "\",\"password\":\""
                    + HitKeepDemo.PASSWORD + "\"}", "Origin", custom.publicOrigin())).get("challenge_token").asText();

            assertThat(
                    h.post("/api/auth/mfa/totp/verify", "{\"challenge_token\":\"" + token + "\",\"code\":\"123456\"}",
                            "Origin", custom.publicOrigin()).status())
                    .isEqualTo(401);
            assertThat(
                    h.post("/api/auth/mfa/totp/verify", "{\"challenge_token\":\"" + token + "\",\"code\":\"246810\"}",
                            "Origin", custom.publicOrigin()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void recoveryCodesWorkOnce() {
        String first = json(login(HitKeepDemo.MFA_EMAIL, HitKeepDemo.PASSWORD, false)).get("challenge_token").asText();
        assertThat(post("/api/auth/mfa/recovery-code/verify",
                "{\"challenge_token\":\"" + first + "\",\"code\":\"" + HitKeepDemo.RECOVERY_CODE_1 + "\"}").status())
                .isEqualTo(200);

        String second = json(login(HitKeepDemo.MFA_EMAIL, HitKeepDemo.PASSWORD, false)).get("challenge_token").asText();
        Http.Reply reused = post("/api/auth/mfa/recovery-code/verify",
                "{\"challenge_token\":\"" + second + "\",\"code\":\"" + HitKeepDemo.RECOVERY_CODE_1 + "\"}");
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.body()).isEqualTo("Invalid recovery code\n");
    }

    @Test
    void challengeExpiresAfterFiveMinutes() {
        String token = json(login(HitKeepDemo.MFA_EMAIL, HitKeepDemo.PASSWORD, false)).get("challenge_token").asText();
        clock.advance(Duration.ofMinutes(5));

        Http.Reply r = post("/api/auth/mfa/totp/verify",
                "{\"challenge_token\":\"" + token + "\",\"code\":\"" + HitKeepDemo.TOTP_CODE + "\"}");

        assertThat(r.status()).isEqualTo(410);
        assertThat(r.body()).isEqualTo("MFA challenge expired\n");
    }

    @Test
    void malformedChallengeTokenIs400() {
        assertThat(post("/api/auth/mfa/totp/verify", "{\"challenge_token\":\"abc\",\"code\":\"123456\"}").body())
                .isEqualTo("Invalid challenge token\n");
    }

    @Test
    void sessionExtendIssuesAFreshCookie() {
        String session = cookie(login(HitKeepDemo.OWNER_EMAIL, HitKeepDemo.PASSWORD, false), "hk_token");
        clock.advance(Duration.ofMinutes(10));

        Http.Reply r = post("/api/auth/session/extend", "", "Cookie", session);

        assertThat(r.status()).isEqualTo(200);
        String fresh = cookie(r, "hk_token");
        assertThat(fresh).isNotEqualTo(session);
        clock.advance(Duration.ofMinutes(10));
        assertThat(http.get("/api/auth/session", "Cookie", fresh).status()).isEqualTo(200);
        assertThat(http.get("/api/auth/session", "Cookie", session).status()).isEqualTo(401);
    }

    @Test
    void sessionBeatsATokenSentAlongside() {
        String session = cookie(post("/api/auth/mfa/totp/verify", "{\"challenge_token\":\""
                + json(login(HitKeepDemo.MFA_EMAIL, HitKeepDemo.PASSWORD, false)).get("challenge_token").asText()
                + "\",\"code\":\"" + HitKeepDemo.TOTP_CODE + "\"}"), "hk_token");

        // The MFA user is a viewer: with its session the admin token does not apply, so creating a goal is Forbidden.
        Http.Reply r = post("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/goals",
                "{\"name\":\"x\",\"type\":\"path\",\"value\":\"/x\"}",
                "Cookie", session, "Authorization", "Bearer " + HitKeepDemo.ADMIN_TOKEN);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("Forbidden\n");
    }

    @Test
    void sessionUserCreatesASiteAndOwnsIt() {
        fake.addUser(DashboardUser.builder("alice@example.com", "s3cret!").build());
        String session = cookie(login("alice@example.com", "s3cret!", false), "hk_token");
        assertThat(json(http.get("/api/sites", "Cookie", session))).isEmpty();

        Http.Reply created = post("/api/sites", "{\"domain\":\"  Alice.Example.NET \"}", "Cookie", session);

        assertThat(created.status()).isEqualTo(200);
        JsonNode site = json(created);
        assertThat(site.get("domain").asText()).isEqualTo("alice.example.net");
        assertThat(json(http.get("/api/sites", "Cookie", session))).hasSize(1);
        assertThat(post("/api/sites", "{\"domain\":\"alice.example.net\"}", "Cookie", session).status()).isEqualTo(409);
        assertThat(post("/api/sites", "{\"domain\":\"https://x.org\"}", "Cookie", session).body())
                .isEqualTo("Domain must not contain protocol (http:// or https://)\n");
        assertThat(post("/api/sites", "{\"domain\":\"www.x.org\"}", "Cookie", session).body())
                .isEqualTo("Domain must not start with 'www.' (we track subdomains automatically)\n");
        // Site creation is session-only.
        assertThat(post("/api/sites", "{\"domain\":\"y.org\"}", "Authorization", "Bearer " + HitKeepDemo.ADMIN_TOKEN)
                .status()).isEqualTo(401);
    }
}
