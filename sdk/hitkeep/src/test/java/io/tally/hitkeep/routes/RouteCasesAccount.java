package io.tally.hitkeep.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.hitkeep.Download;
import io.tally.hitkeep.LoginResult;
import io.tally.hitkeep.SessionRenewal;
import io.tally.hitkeep.model.ApiClient;
import io.tally.hitkeep.model.ApiClientCreated;
import io.tally.hitkeep.model.ApiClientInput;
import io.tally.hitkeep.model.ApiClientOwner;
import io.tally.hitkeep.model.AuthSession;
import io.tally.hitkeep.model.CurrentIp;
import io.tally.hitkeep.model.InitialUser;
import io.tally.hitkeep.model.InstanceRole;
import io.tally.hitkeep.model.MfaChallenge;
import io.tally.hitkeep.model.MfaFactor;
import io.tally.hitkeep.model.OpenApiVersions;
import io.tally.hitkeep.model.PasskeyChallenge;
import io.tally.hitkeep.model.PasskeyRegistration;
import io.tally.hitkeep.model.PermissionContext;
import io.tally.hitkeep.model.ProfileInput;
import io.tally.hitkeep.model.RecoveryCodes;
import io.tally.hitkeep.model.SiteRole;
import io.tally.hitkeep.model.Status;
import io.tally.hitkeep.model.SystemStatus;
import io.tally.hitkeep.model.Team;
import io.tally.hitkeep.model.TeamAuditPage;
import io.tally.hitkeep.model.TeamInput;
import io.tally.hitkeep.model.TeamInvite;
import io.tally.hitkeep.model.TeamInviteResent;
import io.tally.hitkeep.model.TeamList;
import io.tally.hitkeep.model.TeamMember;
import io.tally.hitkeep.model.TeamMemberAdded;
import io.tally.hitkeep.model.TeamRole;
import io.tally.hitkeep.model.TeamSelection;
import io.tally.hitkeep.model.TotpSetup;
import io.tally.hitkeep.model.UserBootstrap;
import io.tally.hitkeep.model.UserOnboarding;
import io.tally.hitkeep.model.UserPreferences;
import io.tally.hitkeep.model.UserProfile;
import io.tally.hitkeep.model.UserSecurityStatus;
import io.tally.core.time.DateRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Route cases for the system routes, sign-in, API clients, the user's account and teams. */
final class RouteCasesAccount {
    static final String SITE = "5b0e7f0a-3c1d-4e2f-9a8b-7c6d5e4f3a2b";
    static final String TEAM = "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a";
    static final String CLIENT = "8f1e2d3c-4b5a-4697-8877-665544332211";
    static final String USER = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    static final String INVITE = "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
    static final String CHALLENGE = "7e0c7f52-1b9a-4f0e-8d2b-3c4a5b6c7d8e";
    static final String NEW_JWT = "eyJhbGciOiJIUzI1NiJ9.fresh.sig";
    static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-06-08T00:00:00Z");

    private static final String API_CLIENT_JSON = "{\"id\":\"" + CLIENT + "\",\"user_id\":\"" + USER
            + "\",\"owner_type\":\"personal\","
            + "\"name\":\"nightly export\",\"description\":\"CI\",\"instance_role\":\"user\",\"expires_at\":\"2027-01-01T00:00:00Z\","
            + "\"last_used_at\":\"2026-06-20T08:01:02.123456789Z\",\"created_at\":\"2026-05-01T10:00:00Z\",\"updated_at\":\"2026-05-02T10:00:00Z\","
            + "\"site_roles\":[{\"site_id\":\"" + SITE + "\",\"role\":\"viewer\"}]}\n";
    private static final String TEAM_CLIENT_JSON = "{\"id\":\"" + CLIENT + "\",\"tenant_id\":\"" + TEAM
            + "\",\"owner_type\":\"team\","
            + "\"name\":\"team exporter\",\"description\":\"\",\"instance_role\":\"user\",\"created_at\":\"2026-05-01T10:00:00Z\","
            + "\"updated_at\":\"2026-05-01T10:00:00Z\",\"site_roles\":null}\n";
    private static final String TOKEN64 = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String SECURITY_JSON = "{\"totp_enabled\":true,\"totp_pending\":false,\"passkeys\":[{\"id\":\"9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\","
            + "\"name\":\"YubiKey\",\"created_at\":\"2026-04-01T09:00:00Z\",\"updated_at\":\"2026-04-01T09:00:00Z\"}],"
            + "\"recovery_codes_generated\":true,\"recovery_codes_remaining\":8}\n";
    private static final String TEAM_JSON = "{\"id\":\"" + TEAM
            + "\",\"name\":\"Marketing\",\"logo_url\":\"https://cdn.example.com/m.png\","
            + "\"role\":\"owner\",\"plan\":{\"code\":\"self_hosted\",\"name\":\"Self-hosted\"},\"entitlements\":{\"max_sites_per_team\":100,"
            + "\"max_team_members\":50,\"max_retention_days\":730,\"allow_custom_branding\":true,\"allow_sso\":false},"
            + "\"usage\":{\"current_sites\":3,\"current_members\":4,\"current_pending_invites\":1},\"created_at\":\"2026-01-10T12:00:00Z\"}";
    private static final String SELECTION_JSON = "{\"status\":\"ok\",\"active_team_id\":\"" + TEAM
            + "\",\"recent_team_ids\":[\"" + TEAM + "\"]}\n";
    private static final String INVITE_JSON = "{\"id\":\"" + INVITE + "\",\"team_id\":\"" + TEAM
            + "\",\"email\":\"grace@example.com\","
            + "\"role\":\"admin\",\"status\":\"pending\",\"created_by\":\"" + USER
            + "\",\"created_at\":\"2026-06-01T10:00:00Z\","
            + "\"expires_at\":\"2026-06-08T10:00:00Z\"}";
    private static final String OK = "{\"status\":\"ok\"}\n";

    private RouteCasesAccount() {}

    static List<RouteCase> cases() {
        return Arrays.asList(
                // ---- 01 System -----------------------------------------------------------------------
                RouteCase.get("/api/docs/v1/openapi.json").call(hk -> hk.server().openApiDocument())
                        .path("/api/docs/v1/openapi.json").noCredentials()
                        .respond(200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"HitKeep API\",\"version\":\"v1\"},"
                                + "\"servers\":[{\"url\":\"https://analytics.example.com\"}],\"paths\":{}}\n")
                        .check(r -> assertThat(((JsonNode) r).path("openapi").asText()).isEqualTo("3.1.0")),
                RouteCase.get("/api/docs/versions").call(hk -> hk.server().openApiVersions())
                        .path("/api/docs/versions").noCredentials()
                        .respond(200,
                                "{\"latest\":\"v1\",\"versions\":[{\"version\":\"v1\",\"openapi_url\":\"/api/docs/v1/openapi.json\",\"latest\":true}]}\n")
                        .check(r -> {
                            OpenApiVersions v = (OpenApiVersions) r;
                            assertThat(v.latest()).isEqualTo("v1");
                            assertThat(v.versions()).singleElement().satisfies(x -> {
                                assertThat(x.openapiUrl()).isEqualTo("/api/docs/v1/openapi.json");
                                assertThat(x.latest()).isTrue();
                            });
                        }),
                RouteCase.get("/api/status").call(hk -> hk.server().status()).path("/api/status").noCredentials()
                        .respond(200,
                                "{\"cloud\":{\"hosted\":false,\"signup_enabled\":false},\"needs_setup\":false,\"version\":\"2.8.1\"}\n")
                        .check(r -> {
                            SystemStatus s = (SystemStatus) r;
                            assertThat(s.version()).isEqualTo("2.8.1");
                            assertThat(s.needsSetup()).isFalse();
                            assertThat(s.cloud().hosted()).isFalse();
                        }),
                RouteCase.get("/healthz").call(hk -> hk.server().health()).path("/healthz").noCredentials()
                        .respondContentType("text/plain; charset=utf-8").respond(200, "OK\n")
                        .check(r -> assertThat(r).isEqualTo("OK")),
                RouteCase.get("/readyz").call(hk -> hk.server().readiness()).path("/readyz").noCredentials()
                        .respondContentType("text/plain; charset=utf-8").respond(200, "Ready\n")
                        .check(r -> assertThat(r).isEqualTo("Ready")),

                // ---- 03 Auth (session) ---------------------------------------------------------------
                RouteCase.post("/api/login")
                        .call(hk -> hk.auth().login("ada@example.com", "correct horse battery").rememberMe(true))
                        .path("/api/login").noCredentials()
                        .jsonBody(
                                "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\",\"remember_me\":true}")
                        .respond(200, "{\"status\":\"mfa_required\",\"challenge_token\":\"" + CHALLENGE + "\","
                                + "\"factors\":[\"totp\",\"recovery_code\",\"email_link\"]}\n")
                        .check(r -> {
                            LoginResult login = (LoginResult) r;
                            assertThat(login.mfaRequired()).isTrue();
                            assertThat(login.challenge().challengeToken()).isEqualTo(CHALLENGE);
                            assertThat(login.challenge().factors()).containsExactly(MfaFactor.TOTP,
                                    MfaFactor.RECOVERY_CODE,
                                    MfaFactor.EMAIL_LINK);
                            assertThat(login.toString()).doesNotContain(CHALLENGE);
                        }),
                RouteCase.post("/api/auth/mfa/totp/verify").call(hk -> hk.auth().verifyTotp(challenge(), "492039"))
                        .path("/api/auth/mfa/totp/verify").noCredentials()
                        .jsonBody("{\"challenge_token\":\"" + CHALLENGE + "\",\"code\":\"492039\"}")
                        .respondHeader("Set-Cookie", "hk_token=" + NEW_JWT + "; Path=/; HttpOnly; SameSite=Lax")
                        .respond(200, OK)
                        .check(r -> assertLoggedIn((LoginResult) r)),
                RouteCase.post("/api/auth/mfa/recovery-code/verify")
                        .call(hk -> hk.auth().verifyRecoveryCode(challenge(), "k7q2-9x4m"))
                        .path("/api/auth/mfa/recovery-code/verify").noCredentials()
                        .jsonBody("{\"challenge_token\":\"" + CHALLENGE + "\",\"code\":\"k7q2-9x4m\"}")
                        .respondHeader("Set-Cookie", "hk_token=" + NEW_JWT + "; Path=/; HttpOnly")
                        .respond(200, OK)
                        .check(r -> assertLoggedIn((LoginResult) r)),
                RouteCase.post("/api/auth/mfa/email-link/request")
                        .call(hk -> hk.auth().requestEmailLink(challenge(), "https://analytics.example.com/sites"))
                        .path("/api/auth/mfa/email-link/request").noCredentials()
                        .jsonBody("{\"challenge_token\":\"" + CHALLENGE
                                + "\",\"return_url\":\"https://analytics.example.com/sites\"}")
                        .respond(200, "{\"status\":\"sent\"}\n")
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("sent")),
                RouteCase.get("/api/auth/mfa/email-link/verify")
                        .call(hk -> hk.auth().verifyEmailLink("mail-link-token-123"))
                        .path("/api/auth/mfa/email-link/verify").query("token", "mail-link-token-123").noCredentials()
                        .respondHeader("Location", "https://analytics.example.com/sites")
                        .respondHeader("Set-Cookie", "hk_token=" + NEW_JWT + "; Path=/; HttpOnly")
                        .respond(303, "")
                        .check(r -> assertLoggedIn((LoginResult) r)),
                RouteCase.post("/api/auth/passkey/login/start").call(hk -> hk.auth().startPasskeyLogin())
                        .path("/api/auth/passkey/login/start").noCredentials()
                        .respond(200, "{\"challenge_token\":\"" + CHALLENGE
                                + "\",\"publicKey\":{\"challenge\":\"3q2-7w\","
                                + "\"rpId\":\"analytics.example.com\",\"timeout\":60000,\"userVerification\":\"preferred\"}}\n")
                        .check(r -> {
                            PasskeyChallenge c = (PasskeyChallenge) r;
                            assertThat(c.challengeToken()).isEqualTo(CHALLENGE);
                            assertThat(c.publicKey().path("rpId").asText()).isEqualTo("analytics.example.com");
                        }),
                RouteCase.post("/api/auth/passkey/login/finish")
                        .call(hk -> hk.auth().finishPasskeyLogin(CHALLENGE,
                                json("{\"id\":\"cred-1\",\"rawId\":\"Y3JlZC0x\","
                                        + "\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\"}}"),
                                false))
                        .path("/api/auth/passkey/login/finish").noCredentials()
                        .jsonBody("{\"challenge_token\":\"" + CHALLENGE
                                + "\",\"credential\":{\"id\":\"cred-1\",\"rawId\":\"Y3JlZC0x\","
                                + "\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\"}},\"remember_me\":false}")
                        .respondHeader("Set-Cookie", "hk_token=" + NEW_JWT + "; Path=/; HttpOnly")
                        .respond(200, OK)
                        .check(r -> assertLoggedIn((LoginResult) r)),
                RouteCase.post("/api/auth/forgot-password").call(hk -> hk.auth().forgotPassword("ada@example.com"))
                        .path("/api/auth/forgot-password").noCredentials()
                        .jsonBody("{\"email\":\"ada@example.com\"}").respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.post("/api/auth/reset-password")
                        .call(hk -> hk.auth().resetPassword("reset-token-1", "n3w-passw0rd!"))
                        .path("/api/auth/reset-password").noCredentials()
                        .jsonBody("{\"token\":\"reset-token-1\",\"password\":\"n3w-passw0rd!\"}").respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.post("/api/auth/accept-invite")
                        .call(hk -> hk.auth().acceptInvite("invite-token-1", "welcome-2026"))
                        .path("/api/auth/accept-invite").noCredentials()
                        .jsonBody("{\"token\":\"invite-token-1\",\"password\":\"welcome-2026\"}")
                        .respond(200, "{\"status\":\"ok\",\"message\":\"Invitation accepted\"}\n")
                        .check(r -> assertThat(((Status) r).message()).isEqualTo("Invitation accepted")),
                RouteCase.post("/api/initial-user")
                        .call(hk -> hk.auth().createInitialUser("owner@example.com", "first-owner-pw").givenName("Ada")
                                .lastName("Lovelace"))
                        .path("/api/initial-user").noCredentials()
                        .jsonBody(
                                "{\"email\":\"owner@example.com\",\"password\":\"first-owner-pw\",\"given_name\":\"Ada\",\"last_name\":\"Lovelace\"}")
                        .respond(201, "{\"token\":\"" + NEW_JWT + "\"}\n")
                        .check(r -> {
                            assertThat(((InitialUser) r).token()).isEqualTo(NEW_JWT);
                            assertThat(r.toString()).doesNotContain(NEW_JWT);
                        }),
                RouteCase.get("/api/auth/session").call(hk -> hk.auth().session()).path("/api/auth/session")
                        .withSession()
                        .respond(200,
                                "{\"duration_seconds\":900,\"expires_at\":\"2026-06-25T10:30:00Z\",\"extendable\":true,"
                                        + "\"issued_at\":\"2026-06-25T10:15:00Z\",\"remember_expires_at\":\"2026-07-25T10:15:00Z\","
                                        + "\"remember_me_duration_days\":30,\"remembered\":true,\"timing_adjustable\":false,\"warning_seconds\":120}\n")
                        .check(r -> {
                            AuthSession s = (AuthSession) r;
                            assertThat(s.durationSeconds()).isEqualTo(900);
                            assertThat(s.expiresAt()).isEqualTo(Instant.parse("2026-06-25T10:30:00Z"));
                            assertThat(s.remembered()).isTrue();
                            assertThat(s.rememberMeDurationDays()).isEqualTo(30);
                        }),
                RouteCase.post("/api/auth/session/extend").call(hk -> hk.auth().extendSession())
                        .path("/api/auth/session/extend").withSession()
                        .respondHeader("Set-Cookie", "hk_token=" + NEW_JWT + "; Path=/; HttpOnly; SameSite=Lax")
                        .respond(200,
                                "{\"duration_seconds\":900,\"expires_at\":\"2026-06-25T10:45:00Z\",\"extendable\":true,"
                                        + "\"issued_at\":\"2026-06-25T10:30:00Z\",\"remembered\":false,\"warning_seconds\":120}\n")
                        .check(r -> {
                            SessionRenewal s = (SessionRenewal) r;
                            assertThat(s.timing().expiresAt()).isEqualTo(Instant.parse("2026-06-25T10:45:00Z"));
                            assertThat(s.session().token()).isEqualTo(NEW_JWT);
                            assertThat(s.client().hasSession()).isTrue();
                            assertThat(s.toString()).doesNotContain(NEW_JWT);
                        }),
                RouteCase.post("/api/logout").call(hk -> hk.auth().logout()).path("/api/logout").withSession()
                        .respondHeader("Set-Cookie", "hk_token=; Path=/; Max-Age=0; HttpOnly")
                        .respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.post("/api/user/password")
                        .call(hk -> hk.account().changePassword("old-passw0rd", "n3w-passw0rd!"))
                        .path("/api/user/password").withSession()
                        .jsonBody("{\"current_password\":\"old-passw0rd\",\"new_password\":\"n3w-passw0rd!\"}")
                        .respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),

                // ---- 04 API clients ------------------------------------------------------------------
                RouteCase.get("/api/user/api-clients").call(hk -> hk.apiClients().list()).path("/api/user/api-clients")
                        .withSession()
                        .respond(200, "[" + API_CLIENT_JSON + "]")
                        .check(r -> assertThat(list(r, ApiClient.class)).singleElement().satisfies(c -> {
                            assertThat(c.ownerType()).isEqualTo(ApiClientOwner.PERSONAL);
                            assertThat(c.instanceRole()).isEqualTo(InstanceRole.USER);
                            assertThat(c.siteRoles()).singleElement().satisfies(g -> {
                                assertThat(g.siteId()).isEqualTo(SITE);
                                assertThat(g.role()).isEqualTo(SiteRole.VIEWER);
                            });
                            assertThat(c.lastUsedAt()).isEqualTo(Instant.parse("2026-06-20T08:01:02.123456789Z"));
                            assertThat(c.revoked()).isFalse();
                        })),
                RouteCase.post("/api/user/api-clients")
                        .call(hk -> hk.apiClients().create(ApiClientInput.builder("nightly export").description("CI")
                                .siteRole(SITE, SiteRole.VIEWER).expiresAt(Instant.parse("2027-01-01T00:00:00Z"))
                                .build()))
                        .path("/api/user/api-clients").withSession()
                        .jsonBody(
                                "{\"name\":\"nightly export\",\"description\":\"CI\",\"expires_at\":\"2027-01-01T00:00:00Z\","
                                        + "\"site_roles\":[{\"site_id\":\"" + SITE + "\",\"role\":\"viewer\"}]}")
                        .respond(201, "{\"client\":" + API_CLIENT_JSON.trim() + ",\"token\":\"" + TOKEN64 + "\"}\n")
                        .check(r -> {
                            ApiClientCreated c = (ApiClientCreated) r;
                            assertThat(c.token()).isEqualTo(TOKEN64);
                            assertThat(c.client().name()).isEqualTo("nightly export");
                            assertThat(c.toString()).doesNotContain(TOKEN64);
                        }),
                RouteCase.put("/api/user/api-clients/{id}")
                        .call(hk -> hk.apiClients().update(CLIENT, ApiClientInput.builder("nightly export")
                                .instanceRole(InstanceRole.USER).revoked(true).build()))
                        .path("/api/user/api-clients/" + CLIENT).withSession()
                        .jsonBody(
                                "{\"name\":\"nightly export\",\"instance_role\":\"user\",\"revoked\":true,\"site_roles\":[]}")
                        .respond(200,
                                API_CLIENT_JSON.replace("\"created_at\"",
                                        "\"revoked_at\":\"2026-06-25T10:00:00Z\",\"created_at\""))
                        .check(r -> assertThat(((ApiClient) r).revoked()).isTrue()),
                RouteCase.delete("/api/user/api-clients/{id}").call(hk -> hk.apiClients().delete(CLIENT))
                        .path("/api/user/api-clients/" + CLIENT).withSession().respond(204, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.post("/api/user/api-clients/{id}/rotate").call(hk -> hk.apiClients().rotate(CLIENT))
                        .path("/api/user/api-clients/" + CLIENT + "/rotate").withSession()
                        .respond(200, "{\"client\":" + API_CLIENT_JSON.trim() + ",\"token\":\"" + TOKEN64 + "\"}\n")
                        .check(r -> assertThat(((ApiClientCreated) r).client().id()).isEqualTo(CLIENT)),
                RouteCase.get("/api/user/teams/{id}/api-clients").call(hk -> hk.apiClients().listForTeam(TEAM))
                        .path("/api/user/teams/" + TEAM + "/api-clients").withSession()
                        .respond(200, "[" + TEAM_CLIENT_JSON + "]")
                        .check(r -> assertThat(list(r, ApiClient.class)).singleElement().satisfies(c -> {
                            assertThat(c.ownerType()).isEqualTo(ApiClientOwner.TEAM);
                            assertThat(c.tenantId()).isEqualTo(TEAM);
                            assertThat(c.siteRoles()).isEmpty();
                        })),
                RouteCase.post("/api/user/teams/{id}/api-clients")
                        .call(hk -> hk.apiClients().createForTeam(TEAM, ApiClientInput.builder("team exporter")
                                .siteRole(SITE, SiteRole.EDITOR).build()))
                        .path("/api/user/teams/" + TEAM + "/api-clients").withSession()
                        .jsonBody("{\"name\":\"team exporter\",\"site_roles\":[{\"site_id\":\"" + SITE
                                + "\",\"role\":\"editor\"}]}")
                        .respond(201, "{\"client\":" + TEAM_CLIENT_JSON.trim() + ",\"token\":\"" + TOKEN64 + "\"}\n")
                        .check(r -> assertThat(((ApiClientCreated) r).client().ownerType())
                                .isEqualTo(ApiClientOwner.TEAM)),
                RouteCase.put("/api/user/teams/{id}/api-clients/{clientId}")
                        .call(hk -> hk.apiClients().updateForTeam(TEAM, CLIENT, ApiClientInput.builder("team exporter")
                                .description("renamed").build()))
                        .path("/api/user/teams/" + TEAM + "/api-clients/" + CLIENT).withSession()
                        .jsonBody("{\"name\":\"team exporter\",\"description\":\"renamed\",\"site_roles\":[]}")
                        .respond(200, TEAM_CLIENT_JSON.replace("\"description\":\"\"", "\"description\":\"renamed\""))
                        .check(r -> assertThat(((ApiClient) r).description()).isEqualTo("renamed")),
                RouteCase.delete("/api/user/teams/{id}/api-clients/{clientId}")
                        .call(hk -> hk.apiClients().deleteForTeam(TEAM, CLIENT))
                        .path("/api/user/teams/" + TEAM + "/api-clients/" + CLIENT).withSession().respond(204, "")
                        .check(r -> assertThat(r).isNull()),
                RouteCase.post("/api/user/teams/{id}/api-clients/{clientId}/rotate")
                        .call(hk -> hk.apiClients().rotateForTeam(TEAM, CLIENT))
                        .path("/api/user/teams/" + TEAM + "/api-clients/" + CLIENT + "/rotate").withSession()
                        .respond(200, "{\"client\":" + TEAM_CLIENT_JSON.trim() + ",\"token\":\"" + TOKEN64 + "\"}\n")
                        .check(r -> assertThat(((ApiClientCreated) r).token()).hasSize(64)),

                // ---- 05 User & security --------------------------------------------------------------
                RouteCase.get("/api/user/avatar").call(hk -> hk.account().avatar().size(64))
                        .path("/api/user/avatar").query("s", "64").withSession()
                        .respondContentType("image/png").respond(200, "\u0089PNG-avatar")
                        .check(r -> {
                            Download d = (Download) r;
                            assertThat(d.contentType()).isEqualTo("image/png");
                            assertThat(new String(d.bytes(), StandardCharsets.UTF_8)).endsWith("PNG-avatar");
                        }),
                RouteCase.get("/api/user/bootstrap").call(hk -> hk.account().bootstrap()).path("/api/user/bootstrap")
                        .withSession()
                        .respond(200, "{\"session\":{\"duration_seconds\":900,\"expires_at\":\"2026-06-25T10:30:00Z\"},"
                                + "\"profile\":{\"id\":\"" + USER
                                + "\",\"email\":\"ada@example.com\",\"display_name\":\"Ada Lovelace\"},"
                                + "\"preferences\":{\"default_locale\":\"en\"},\"teams\":{\"active_team_id\":\"" + TEAM
                                + "\",\"teams\":[" + TEAM_JSON + "]},"
                                + "\"permissions\":{\"instance_role\":\"owner\"},\"sites\":[{\"id\":\"" + SITE
                                + "\",\"domain\":\"shop.example.com\"}],"
                                + "\"status\":{\"needs_setup\":false,\"version\":\"2.8.1\"}}\n")
                        .check(r -> {
                            UserBootstrap b = (UserBootstrap) r;
                            assertThat(b.profile().displayName()).isEqualTo("Ada Lovelace");
                            assertThat(b.teams().teams()).extracting(Team::name).containsExactly("Marketing");
                            assertThat(b.sites()).extracting(s -> s.domain()).containsExactly("shop.example.com");
                            assertThat(b.permissions().instanceRole()).isEqualTo(InstanceRole.OWNER);
                            assertThat(b.status().version()).isEqualTo("2.8.1");
                        }),
                RouteCase.get("/api/user/current-ip").call(hk -> hk.account().currentIp()).path("/api/user/current-ip")
                        .withSession()
                        .respond(200, "{\"cidr\":\"203.0.113.7/32\",\"ip\":\"203.0.113.7\"}\n")
                        .check(r -> {
                            CurrentIp ip = (CurrentIp) r;
                            assertThat(ip.ip()).isEqualTo("203.0.113.7");
                            assertThat(ip.cidr()).isEqualTo("203.0.113.7/32");
                        }),
                RouteCase.get("/api/user/onboarding").call(hk -> hk.account().onboarding()).path("/api/user/onboarding")
                        .withSession()
                        .respond(200,
                                "{\"complete\":false,\"dismissed\":false,\"steps\":[{\"key\":\"create_site\",\"complete\":true},"
                                        + "{\"key\":\"verify_tracking\",\"complete\":false,\"site_id\":\"" + SITE
                                        + "\",\"site_domain\":\"shop.example.com\"}]}\n")
                        .check(r -> {
                            UserOnboarding o = (UserOnboarding) r;
                            assertThat(o.complete()).isFalse();
                            assertThat(o.steps()).extracting(s -> s.key()).containsExactly("create_site",
                                    "verify_tracking");
                            assertThat(o.steps().get(1).siteDomain()).isEqualTo("shop.example.com");
                        }),
                RouteCase.post("/api/user/onboarding/dismiss").call(hk -> hk.account().dismissOnboarding())
                        .path("/api/user/onboarding/dismiss").withSession().respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.get("/api/user/permissions").call(hk -> hk.account().permissions())
                        .path("/api/user/permissions").withSession()
                        .respond(200,
                                "{\"instance_role\":\"admin\",\"instance_permissions\":[\"instance.view_audit\",\"instance.view_all_sites\"],"
                                        + "\"instance_capabilities\":null,\"permissions\":{\"" + SITE
                                        + "\":\"editor\"},"
                                        + "\"site_capabilities\":{\"" + SITE
                                        + "\":[\"site.view\",\"site.manage_goals\"]},"
                                        + "\"active_team_id\":\"" + TEAM
                                        + "\",\"active_team_role\":\"member\",\"active_team_capabilities\":[\"team.view_members\"]}\n")
                        .check(r -> {
                            PermissionContext p = (PermissionContext) r;
                            assertThat(p.instanceRole()).isEqualTo(InstanceRole.ADMIN);
                            assertThat(p.instancePermissions()).contains("instance.view_audit");
                            assertThat(p.instanceCapabilities()).isEmpty();
                            assertThat(p.permissions()).containsEntry(SITE, "editor");
                            assertThat(p.siteCapabilities().get(SITE)).containsExactly("site.view",
                                    "site.manage_goals");
                            assertThat(p.activeTeamRole()).isEqualTo(TeamRole.MEMBER);
                        }),
                RouteCase.get("/api/user/preferences").call(hk -> hk.account().preferences())
                        .path("/api/user/preferences").withSession()
                        .respond(200,
                                "{\"default_locale\":\"de\",\"dismissed_onboarding_at\":\"2026-05-05T05:05:05Z\"}\n")
                        .check(r -> {
                            UserPreferences p = (UserPreferences) r;
                            assertThat(p.defaultLocale()).isEqualTo("de");
                            assertThat(p.dismissedOnboardingAt()).isEqualTo(Instant.parse("2026-05-05T05:05:05Z"));
                        }),
                RouteCase.put("/api/user/preferences")
                        .call(hk -> hk.account().updatePreferences(UserPreferences.locale("fr")))
                        .path("/api/user/preferences").withSession().jsonBody("{\"default_locale\":\"fr\"}")
                        .respond(200, "{\"default_locale\":\"fr\"}\n")
                        .check(r -> assertThat(((UserPreferences) r).defaultLocale()).isEqualTo("fr")),
                RouteCase.get("/api/user/profile").call(hk -> hk.account().profile()).path("/api/user/profile")
                        .withSession()
                        .respond(200, "{\"id\":\"" + USER
                                + "\",\"email\":\"ada@example.com\",\"given_name\":\"Ada\",\"last_name\":\"Lovelace\","
                                + "\"display_name\":\"Ada Lovelace\",\"avatar_url\":\"/api/user/avatar\"}\n")
                        .check(r -> {
                            UserProfile p = (UserProfile) r;
                            assertThat(p.email()).isEqualTo("ada@example.com");
                            assertThat(p.displayName()).isEqualTo("Ada Lovelace");
                        }),
                RouteCase.put("/api/user/profile")
                        .call(hk -> hk.account().updateProfile(new ProfileInput("ada@example.org", "Ada", "King")))
                        .path("/api/user/profile").withSession()
                        .jsonBody("{\"email\":\"ada@example.org\",\"given_name\":\"Ada\",\"last_name\":\"King\"}")
                        .respond(200, "{\"id\":\"" + USER
                                + "\",\"email\":\"ada@example.org\",\"given_name\":\"Ada\",\"last_name\":\"King\","
                                + "\"display_name\":\"Ada King\"}\n")
                        .check(r -> assertThat(((UserProfile) r).lastName()).isEqualTo("King")),
                RouteCase.get("/api/user/security").call(hk -> hk.account().security()).path("/api/user/security")
                        .withSession()
                        .respond(200, SECURITY_JSON)
                        .check(r -> {
                            UserSecurityStatus s = (UserSecurityStatus) r;
                            assertThat(s.totpEnabled()).isTrue();
                            assertThat(s.passkeys()).extracting(p -> p.name()).containsExactly("YubiKey");
                            assertThat(s.recoveryCodesRemaining()).isEqualTo(8);
                        }),
                RouteCase.post("/api/user/security/passkeys/register/finish")
                        .call(hk -> hk.account()
                                .finishPasskeyRegistration(json("{\"id\":\"cred-2\",\"rawId\":\"Y3JlZC0y\","
                                        + "\"type\":\"public-key\",\"response\":{\"attestationObject\":\"o2Nm\",\"clientDataJSON\":\"e30\"}}")))
                        .path("/api/user/security/passkeys/register/finish").withSession()
                        .jsonBody("{\"id\":\"cred-2\",\"rawId\":\"Y3JlZC0y\",\"type\":\"public-key\","
                                + "\"response\":{\"attestationObject\":\"o2Nm\",\"clientDataJSON\":\"e30\"}}")
                        .respond(200, SECURITY_JSON)
                        .check(r -> assertThat(((UserSecurityStatus) r).passkeys()).hasSize(1)),
                RouteCase.post("/api/user/security/passkeys/register/start")
                        .call(hk -> hk.account().startPasskeyRegistration("Laptop"))
                        .path("/api/user/security/passkeys/register/start").withSession()
                        .jsonBody("{\"name\":\"Laptop\"}")
                        .respond(200,
                                "{\"publicKey\":{\"challenge\":\"c2Vj\",\"rp\":{\"name\":\"HitKeep\",\"id\":\"analytics.example.com\"},"
                                        + "\"user\":{\"name\":\"ada@example.com\"}}}\n")
                        .check(r -> assertThat(((PasskeyRegistration) r).publicKey().path("rp").path("id").asText())
                                .isEqualTo("analytics.example.com")),
                RouteCase.delete("/api/user/security/passkeys/{id}")
                        .call(hk -> hk.account().deletePasskey("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"))
                        .path("/api/user/security/passkeys/9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d").withSession()
                        .respond(200, SECURITY_JSON.replaceAll("\"passkeys\":\\[.*?\\]\\,", "\"passkeys\":null,"))
                        .check(r -> assertThat(((UserSecurityStatus) r).passkeys()).isEmpty()),
                RouteCase.post("/api/user/security/recovery-codes/regenerate")
                        .call(hk -> hk.account().regenerateRecoveryCodes())
                        .path("/api/user/security/recovery-codes/regenerate").withSession()
                        .respond(200, "{\"codes\":[\"k7q2-9x4m\",\"p3z8-w1c6\"],\"remaining\":2}\n")
                        .check(r -> {
                            RecoveryCodes c = (RecoveryCodes) r;
                            assertThat(c.codes()).containsExactly("k7q2-9x4m", "p3z8-w1c6");
                            assertThat(c.toString()).doesNotContain("k7q2-9x4m");
                        }),
                RouteCase.post("/api/user/security/totp/disable").call(hk -> hk.account().disableTotp("123456"))
                        .path("/api/user/security/totp/disable").withSession().jsonBody("{\"code\":\"123456\"}")
                        .respond(200, SECURITY_JSON.replace("\"totp_enabled\":true", "\"totp_enabled\":false"))
                        .check(r -> assertThat(((UserSecurityStatus) r).totpEnabled()).isFalse()),
                RouteCase.post("/api/user/security/totp/setup/start").call(hk -> hk.account().startTotpSetup())
                        .path("/api/user/security/totp/setup/start").withSession()
                        .respond(200,
                                "{\"secret\":\"JBSWY3DPEHPK3PXP\",\"otpauth_url\":\"otpauth://totp/HitKeep:ada?secret=JBSWY3DPEHPK3PXP\","
                                        + "\"expires_at\":\"2026-06-25T10:25:00Z\"}\n")
                        .check(r -> {
                            TotpSetup t = (TotpSetup) r;
                            assertThat(t.secret()).isEqualTo("JBSWY3DPEHPK3PXP");
                            assertThat(t.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
                        }),
                RouteCase.post("/api/user/security/totp/setup/verify")
                        .call(hk -> hk.account().verifyTotpSetup("654321"))
                        .path("/api/user/security/totp/setup/verify").withSession().jsonBody("{\"code\":\"654321\"}")
                        .respond(200, SECURITY_JSON)
                        .check(r -> assertThat(((UserSecurityStatus) r).totpEnabled()).isTrue()),

                // ---- 06 Teams ------------------------------------------------------------------------
                RouteCase.get("/api/user/teams").call(hk -> hk.teams().list()).path("/api/user/teams").withSession()
                        .respond(200,
                                "{\"active_team_id\":\"" + TEAM + "\",\"recent_team_ids\":[\"" + TEAM
                                        + "\"],\"teams\":[" + TEAM_JSON + "]}\n")
                        .check(r -> {
                            TeamList t = (TeamList) r;
                            assertThat(t.activeTeamId()).isEqualTo(TEAM);
                            assertThat(t.teams()).singleElement().satisfies(team -> {
                                assertThat(team.role()).isEqualTo(TeamRole.OWNER);
                                assertThat(team.entitlements().maxTeamMembers()).isEqualTo(50);
                                assertThat(team.usage().currentSites()).isEqualTo(3);
                                assertThat(team.plan().code()).isEqualTo("self_hosted");
                            });
                        }),
                RouteCase.post("/api/user/teams")
                        .call(hk -> hk.teams().create(new TeamInput("Marketing", "https://cdn.example.com/m.png")))
                        .path("/api/user/teams").withSession()
                        .jsonBody("{\"name\":\"Marketing\",\"logo_url\":\"https://cdn.example.com/m.png\"}")
                        .respond(201, "{\"team\":" + TEAM_JSON + "}\n")
                        .check(r -> assertThat(((Team) r).id()).isEqualTo(TEAM)),
                RouteCase.put("/api/user/teams/active").call(hk -> hk.teams().setActive(TEAM))
                        .path("/api/user/teams/active").withSession()
                        .jsonBody("{\"team_id\":\"" + TEAM + "\"}").respond(200, SELECTION_JSON)
                        .check(r -> assertThat(((TeamSelection) r).activeTeamId()).isEqualTo(TEAM)),
                RouteCase.put("/api/user/teams/{id}").call(hk -> hk.teams().update(TEAM, TeamInput.of("Growth")))
                        .path("/api/user/teams/" + TEAM).withSession().jsonBody("{\"name\":\"Growth\"}")
                        .respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.patch("/api/user/teams/{id}")
                        .call(hk -> hk.teams().patch(TEAM, new TeamInput("Growth", "https://cdn.example.com/g.png")))
                        .path("/api/user/teams/" + TEAM).withSession()
                        .jsonBody("{\"name\":\"Growth\",\"logo_url\":\"https://cdn.example.com/g.png\"}")
                        .respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.post("/api/user/teams/{id}/archive").call(hk -> hk.teams().archive(TEAM))
                        .path("/api/user/teams/" + TEAM + "/archive").withSession()
                        .respond(200,
                                "{\"status\":\"ok\",\"active_team_id\":\"" + USER + "\",\"recent_team_ids\":[]}\n")
                        .check(r -> {
                            assertThat(((TeamSelection) r).activeTeamId()).isEqualTo(USER);
                            assertThat(((TeamSelection) r).recentTeamIds()).isEmpty();
                        }),
                RouteCase.get("/api/user/teams/{id}/audit")
                        .call(hk -> hk.teams().audit(TEAM).action("member.invited").outcome("success")
                                .targetType("member")
                                .search("grace").range(DateRange.between(FROM, TO)).pageSize(50).offset(100))
                        .path("/api/user/teams/" + TEAM + "/audit").withSession()
                        .query("action", "member.invited").query("outcome", "success").query("target_type", "member")
                        .query("query", "grace").query("from", "2026-06-01T00:00:00Z")
                        .query("to", "2026-06-08T00:00:00Z")
                        .query("limit", "50").query("offset", "100")
                        .respond(200, "{\"action\":\"member.invited\",\"entries\":[{\"id\":\"e1\",\"team_id\":\"" + TEAM
                                + "\",\"action\":\"member.invited\","
                                + "\"outcome\":\"success\",\"actor_user_id\":\"" + USER
                                + "\",\"actor_email\":\"ada@example.com\",\"target_type\":\"member\","
                                + "\"target_email\":\"grace@example.com\",\"ip_address\":\"203.0.113.7\",\"created_at\":\"2026-06-02T09:00:00Z\"}],"
                                + "\"has_more\":false,\"limit\":50,\"offset\":100,\"total\":101}\n")
                        .check(r -> {
                            TeamAuditPage p = (TeamAuditPage) r;
                            assertThat(p.total()).isEqualTo(101);
                            assertThat(p.items()).singleElement().satisfies(e -> {
                                assertThat(e.targetEmail()).isEqualTo("grace@example.com");
                                assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-06-02T09:00:00Z"));
                            });
                        }),
                RouteCase.get("/api/user/teams/{id}/invites").call(hk -> hk.teams().invites(TEAM))
                        .path("/api/user/teams/" + TEAM + "/invites").withSession()
                        .respond(200, "[" + INVITE_JSON + "]\n")
                        .check(r -> assertThat(list(r, TeamInvite.class)).singleElement().satisfies(i -> {
                            assertThat(i.email()).isEqualTo("grace@example.com");
                            assertThat(i.role()).isEqualTo(TeamRole.ADMIN);
                            assertThat(i.acceptedAt()).isNull();
                        })),
                RouteCase.delete("/api/user/teams/{id}/invites/{inviteId}")
                        .call(hk -> hk.teams().revokeInvite(TEAM, INVITE))
                        .path("/api/user/teams/" + TEAM + "/invites/" + INVITE).withSession().respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.post("/api/user/teams/{id}/invites/{inviteId}/resend")
                        .call(hk -> hk.teams().resendInvite(TEAM, INVITE))
                        .path("/api/user/teams/" + TEAM + "/invites/" + INVITE + "/resend").withSession()
                        .respond(200, "{\"status\":\"ok\",\"invite\":" + INVITE_JSON + "}\n")
                        .check(r -> assertThat(((TeamInviteResent) r).invite().id()).isEqualTo(INVITE)),
                RouteCase.delete("/api/user/teams/{id}/leave").call(hk -> hk.teams().leave(TEAM))
                        .path("/api/user/teams/" + TEAM + "/leave").withSession().respond(200, SELECTION_JSON)
                        .check(r -> assertThat(((TeamSelection) r).status()).isEqualTo("ok")),
                RouteCase.get("/api/user/teams/{id}/members").call(hk -> hk.teams().members(TEAM))
                        .path("/api/user/teams/" + TEAM + "/members").withSession()
                        .respond(200,
                                "[{\"id\":\"m1\",\"user_id\":\"" + USER
                                        + "\",\"email\":\"ada@example.com\",\"role\":\"owner\","
                                        + "\"added_at\":\"2026-01-10T12:00:00Z\"}]\n")
                        .check(r -> assertThat(list(r, TeamMember.class)).singleElement().satisfies(m -> {
                            assertThat(m.role()).isEqualTo(TeamRole.OWNER);
                            assertThat(m.userId()).isEqualTo(USER);
                        })),
                RouteCase.post("/api/user/teams/{id}/members")
                        .call(hk -> hk.teams().addMember(TEAM, "grace@example.com", TeamRole.ADMIN))
                        .path("/api/user/teams/" + TEAM + "/members").withSession()
                        .jsonBody("{\"email\":\"grace@example.com\",\"role\":\"admin\"}")
                        .respond(200, "{\"status\":\"ok\",\"is_invite\":true,\"invite\":" + INVITE_JSON + "}\n")
                        .check(r -> {
                            TeamMemberAdded a = (TeamMemberAdded) r;
                            assertThat(a.isInvite()).isTrue();
                            assertThat(a.invite().email()).isEqualTo("grace@example.com");
                        }),
                RouteCase.delete("/api/user/teams/{id}/members/{userId}")
                        .call(hk -> hk.teams().removeMember(TEAM, USER))
                        .path("/api/user/teams/" + TEAM + "/members/" + USER).withSession().respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")),
                RouteCase.post("/api/user/teams/{id}/transfer-ownership")
                        .call(hk -> hk.teams().transferOwnership(TEAM, USER))
                        .path("/api/user/teams/" + TEAM + "/transfer-ownership").withSession()
                        .jsonBody("{\"target_user_id\":\"" + USER + "\"}").respond(200, OK)
                        .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")));
    }

    static MfaChallenge challenge() {
        return new MfaChallenge(CHALLENGE, Arrays.asList(MfaFactor.TOTP, MfaFactor.RECOVERY_CODE, MfaFactor.EMAIL_LINK,
                MfaFactor.PASSKEY), null);
    }

    static void assertLoggedIn(LoginResult login) {
        assertThat(login.mfaRequired()).isFalse();
        assertThat(login.session().token()).isEqualTo(NEW_JWT);
        assertThat(login.client().hasSession()).isTrue();
        assertThat(login.toString()).doesNotContain(NEW_JWT);
    }

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object result, Class<T> type) {
        List<T> list = (List<T>) result;
        list.forEach(item -> assertThat(item).isInstanceOf(type));
        return list;
    }
}
