package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which session cookies a derived client sends. A {@link HitKeepSession} is a whole session: switching to another
 * one must not keep the previous session's {@code hk_remember_me}, or HitKeep would silently sign the previous user
 * back in once the new {@code hk_token} expires. A renewal that does not rotate the remember-me cookie keeps it,
 * both on the renewed client and in the session handed back for storage.
 */
class SessionCookiesTest {
    static final String ALICE_JWT = "eyJhbGciOiJIUzI1NiJ9.alice.sig";
    static final String ALICE_REMEMBER = "rm-alice-4e3f";
    static final String BOB_JWT = "eyJhbGciOiJIUzI1NiJ9.bob.sig";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();

    @BeforeEach
    void stubs() {
        wm.resetAll();
        wm.stubFor(get(urlEqualTo("/api/user/api-clients"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[]\n")));
    }

    private String cookieSent() {
        return wm.findAll(getRequestedFor(urlEqualTo("/api/user/api-clients"))).get(0).getHeader("Cookie");
    }

    @Test
    void switchingSessionsDropsTheEarlierSessionsRememberMeCookie() {
        HitKeep alice = clients.token(wm.baseUrl()).withSession(HitKeepSession.of(ALICE_JWT, ALICE_REMEMBER));

        alice.withSession(HitKeepSession.of(BOB_JWT, null)).apiClients().list().execute();

        assertThat(cookieSent()).contains("hk_token=" + BOB_JWT).doesNotContain(ALICE_JWT)
                .doesNotContain(ALICE_REMEMBER)
                .doesNotContain("hk_remember_me");
    }

    @Test
    void aLoginFromASessionClientDoesNotKeepTheEarlierRememberMeCookie() {
        wm.stubFor(post(urlEqualTo("/api/login")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "hk_token=" + BOB_JWT + "; Path=/; HttpOnly; SameSite=Lax")
                .withBody("{\"status\":\"ok\"}\n")));
        HitKeep alice = clients.anonymous(wm.baseUrl()).withSession(HitKeepSession.of(ALICE_JWT, ALICE_REMEMBER));

        LoginResult bob = alice.auth().login("bob@example.com", "correct horse battery").execute();
        bob.client().apiClients().list().execute();

        assertThat(cookieSent()).isEqualTo("hk_token=" + BOB_JWT);
        assertThat(bob.session().rememberMe()).isNull();
    }

    @Test
    void aRenewalWithoutANewRememberMeCookieKeepsTheOldOneInTheSessionToStore() {
        wm.stubFor(post(urlEqualTo("/api/auth/session/extend")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "hk_token=renewed.jwt.sig; Path=/; HttpOnly")
                .withBody("{\"duration_seconds\":900,\"expires_at\":\"2026-06-25T10:45:00Z\",\"extendable\":true}\n")));
        HitKeep alice = clients.anonymous(wm.baseUrl()).withSession(HitKeepSession.of(ALICE_JWT, ALICE_REMEMBER));

        SessionRenewal renewal = alice.auth().extendSession().execute();
        HitKeep restored = clients.anonymous(wm.baseUrl()).withSession(renewal.session());
        restored.apiClients().list().execute();

        assertThat(renewal.session().token()).isEqualTo("renewed.jwt.sig");
        assertThat(renewal.session().rememberMe()).isEqualTo(ALICE_REMEMBER);
        assertThat(cookieSent()).contains("hk_token=renewed.jwt.sig", "hk_remember_me=" + ALICE_REMEMBER)
                .doesNotContain(ALICE_JWT);
    }
}
