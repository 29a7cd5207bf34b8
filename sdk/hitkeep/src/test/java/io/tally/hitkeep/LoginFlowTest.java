package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.AuthenticationException;
import io.tally.core.TallyException;
import io.tally.hitkeep.model.ApiClient;
import io.tally.hitkeep.model.MfaChallenge;
import io.tally.hitkeep.model.MfaFactor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session login of HitKeep reference §2.7 against WireMock: cookies in, cookies out, secrets never shown. */
class LoginFlowTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2ln";
    static final String REMEMBER = "rm-5f1e0c2b7d9a4e3f";
    static final String CHALLENGE = "7e0c7f52-1b9a-4f0e-8d2b-3c4a5b6c7d8e";
    static final String CLIENTS = "[{\"id\":\"8f1e2d3c-4b5a-4697-8877-665544332211\",\"name\":\"nightly export\",\"owner_type\":\"personal\"}]";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();

    @BeforeEach
    void reset() {
        wm.resetAll();
        wm.stubFor(get(urlEqualTo("/api/user/api-clients"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(CLIENTS)));
    }

    @Test
    void aLoginWithoutSecondFactorReturnsASessionClientWhoseRequestsCarryTheCookies() {
        wm.stubFor(post(urlEqualTo("/api/login")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "hk_token=" + JWT + "; Path=/; HttpOnly; SameSite=Lax")
                .withHeader("Set-Cookie", "hk_remember_me=" + REMEMBER + "; Path=/; Max-Age=2592000; HttpOnly")
                .withBody("{\"status\":\"ok\"}\n")));
        HitKeep hitkeep = clients.token(wm.baseUrl());

        LoginResult login = hitkeep.auth().login("ada@example.com", PASSWORD).rememberMe(true).execute();

        assertThat(login.mfaRequired()).isFalse();
        assertThat(login.session().token()).isEqualTo(JWT);
        assertThat(login.session().rememberMe()).isEqualTo(REMEMBER);
        LoggedRequest sentLogin = wm.findAll(postRequestedFor(urlEqualTo("/api/login"))).get(0);
        assertThat(sentLogin.containsHeader("Authorization")).as("a login sends no API token").isFalse();
        assertThat(sentLogin.getBodyAsString()).contains("\"remember_me\":true");

        List<ApiClient> list = login.client().apiClients().list().execute();

        assertThat(list).extracting(ApiClient::name).containsExactly("nightly export");
        LoggedRequest next = wm.findAll(getRequestedFor(urlEqualTo("/api/user/api-clients"))).get(0);
        assertThat(next.getHeader("Cookie")).contains("hk_token=" + JWT).contains("hk_remember_me=" + REMEMBER);
        assertThat(login.toString()).doesNotContain(JWT).doesNotContain(REMEMBER);
        assertThat(login.client().toString()).doesNotContain(JWT);
    }

    @Test
    void aSecondFactorChallengeIsCompletedWithATotpCodeIntoASessionClient() {
        wm.stubFor(post(urlEqualTo("/api/login")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"mfa_required\",\"challenge_token\":\"" + CHALLENGE
                        + "\",\"factors\":[\"totp\",\"recovery_code\"]}\n")));
        wm.stubFor(post(urlEqualTo("/api/auth/mfa/totp/verify")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "hk_token=" + JWT + "; Path=/; HttpOnly").withBody("{\"status\":\"ok\"}\n")));
        HitKeep hitkeep = clients.anonymous(wm.baseUrl());

        LoginResult first = hitkeep.auth().login("ada@example.com", PASSWORD).execute();

        assertThat(first.mfaRequired()).isTrue();
        assertThat(first.challenge().factors()).containsExactly(MfaFactor.TOTP, MfaFactor.RECOVERY_CODE);
        assertThatThrownBy(first::client).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("second factor");
        assertThat(first.toString()).doesNotContain(CHALLENGE);

        LoginResult done = hitkeep.auth().verifyTotp(first.challenge(), "492039").execute();
        done.client().apiClients().list().execute();

        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/api/auth/mfa/totp/verify"))).get(0).getBodyAsString())
                .isEqualTo("{\"challenge_token\":\"" + CHALLENGE + "\",\"code\":\"492039\"}");
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/api/user/api-clients"))).get(0).getHeader("Cookie"))
                .isEqualTo("hk_token=" + JWT);
    }

    @Test
    void aFactorTheChallengeDoesNotOfferIsRefusedBeforeSending() {
        MfaChallenge onlyTotp = new MfaChallenge(CHALLENGE, java.util.Collections.singletonList(MfaFactor.TOTP), null);

        assertThatThrownBy(() -> clients.anonymous(wm.baseUrl()).auth().verifyRecoveryCode(onlyTotp, "k7q2-9x4m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recovery_code")
                .hasMessageContaining("totp");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aWrongPasswordSurfacesAs401WithoutThePasswordInTheMessage() {
        wm.stubFor(post(urlEqualTo("/api/login")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("Invalid email or password\n")));

        assertThatThrownBy(() -> clients.anonymous(wm.baseUrl()).auth().login("ada@example.com", PASSWORD).execute())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Invalid email or password")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void anAcceptedLoginThatSetsNoCookieFailsClearly() {
        wm.stubFor(post(urlEqualTo("/api/login")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"ok\"}\n")));

        assertThatThrownBy(() -> clients.anonymous(wm.baseUrl()).auth().login("ada@example.com", PASSWORD).execute())
                .isInstanceOf(TallyException.class).hasMessageContaining("hk_token").hasMessageContaining("Set-Cookie");
    }

    @Test
    void extendingTheSessionReturnsAClientWithTheRenewedCookie() {
        wm.stubFor(post(urlEqualTo("/api/auth/session/extend")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "hk_token=renewed.jwt.sig; Path=/; HttpOnly")
                .withBody("{\"duration_seconds\":900,\"expires_at\":\"2026-06-25T10:45:00Z\",\"extendable\":true}\n")));
        HitKeep session = clients.anonymous(wm.baseUrl()).withSession(HitKeepSession.of(JWT, REMEMBER));

        SessionRenewal renewal = session.auth().extendSession().execute();
        renewal.client().apiClients().list().execute();

        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/api/auth/session/extend"))).get(0).getHeader("Cookie"))
                .contains("hk_token=" + JWT);
        String cookie = wm.findAll(getRequestedFor(urlEqualTo("/api/user/api-clients"))).get(0).getHeader("Cookie");
        assertThat(cookie).contains("hk_token=renewed.jwt.sig").doesNotContain(JWT)
                .as("the remember-me cookie HitKeep did not rotate is kept").contains("hk_remember_me=" + REMEMBER);
        assertThat(renewal.timing().durationSeconds()).isEqualTo(900);
    }

    @Test
    void logoutSendsTheSessionCookiesButNotTheApiToken() {
        wm.stubFor(post(urlEqualTo("/api/logout")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "hk_token=; Path=/; Max-Age=0").withBody("{\"status\":\"ok\"}\n")));
        HitKeep both = clients.token(wm.baseUrl()).withSession(HitKeepSession.of(JWT, null));

        both.auth().logout().execute();

        LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo("/api/logout"))).get(0);
        assertThat(sent.getHeader("Cookie")).isEqualTo("hk_token=" + JWT);
        assertThat(sent.containsHeader("Authorization")).isFalse();
        assertThat(sent.getHeader("Origin")).isEqualTo(wm.baseUrl());
    }

    @Test
    void aSessionOnlyRouteOnATokenClientFailsBeforeSending() {
        assertThatThrownBy(() -> clients.token(wm.baseUrl()).apiClients().list().execute())
                .isInstanceOf(SessionRequiredException.class).hasMessageContaining("auth().login");
        assertThatThrownBy(() -> clients.token(wm.baseUrl()).account().takeout().execute())
                .isInstanceOf(SessionRequiredException.class);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aMailedSignInLinkIsVerifiedWithoutFollowingItsRedirect() {
        wm.stubFor(get(urlEqualTo("/api/auth/mfa/email-link/verify?token=mail-token"))
                .willReturn(aResponse().withStatus(303)
                        .withHeader("Location", wm.baseUrl() + "/sites")
                        .withHeader("Set-Cookie", "hk_token=" + JWT + "; Path=/; HttpOnly")
                        .withHeader("Set-Cookie", "hk_remember_me=" + REMEMBER + "; Path=/; HttpOnly")));

        LoginResult login = clients.anonymous(wm.baseUrl()).auth().verifyEmailLink("mail-token").execute();

        assertThat(login.session()).isEqualTo(HitKeepSession.of(JWT, REMEMBER));
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(wm.findAll(getRequestedFor(urlEqualTo("/api/auth/mfa/email-link/verify?token=mail-token"))))
                .hasSize(1);
    }

    @Test
    void passwordsAreCheckedWithoutBeingQuoted() {
        HitKeep hitkeep = clients.anonymous(wm.baseUrl());

        assertThatThrownBy(() -> hitkeep.auth().login("ada@example.com", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password must not be null or empty");
        assertThatThrownBy(() -> hitkeep.auth().resetPassword("t", "short1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("newPassword must have at least 8 characters");
        assertThatThrownBy(() -> hitkeep.auth().login("not-an-address", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email").hasMessageNotContaining(PASSWORD);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
