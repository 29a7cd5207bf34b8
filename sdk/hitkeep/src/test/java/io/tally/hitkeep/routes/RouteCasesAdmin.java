package io.tally.hitkeep.routes;

import static io.tally.hitkeep.routes.Part2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tally.hitkeep.Download;
import io.tally.hitkeep.ExportFormat;
import io.tally.hitkeep.model.AdminTeam;
import io.tally.hitkeep.model.AdminUser;
import io.tally.hitkeep.model.DeletedTeam;
import io.tally.hitkeep.model.ExclusionInput;
import io.tally.hitkeep.model.ExclusionType;
import io.tally.hitkeep.model.InstanceAuditPage;
import io.tally.hitkeep.model.InstanceRole;
import io.tally.hitkeep.model.IpExclusion;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.Status;
import io.tally.hitkeep.model.SystemActionResponse;
import io.tally.hitkeep.model.SystemActivation;
import io.tally.hitkeep.model.SystemAiStatus;
import io.tally.hitkeep.model.SystemBackupStatus;
import io.tally.hitkeep.model.SystemCacheStatus;
import io.tally.hitkeep.model.SystemHealth;
import io.tally.hitkeep.model.SystemImportStageCleanupRun;
import io.tally.hitkeep.model.SystemImportStageCleanupStatus;
import io.tally.hitkeep.model.SystemInfo;
import io.tally.hitkeep.model.SystemIngestStats;
import io.tally.hitkeep.model.SystemMailStatus;
import io.tally.hitkeep.model.SystemSearchConsoleStatus;
import io.tally.hitkeep.model.SystemSpamStatus;
import io.tally.hitkeep.model.SystemStorage;
import io.tally.hitkeep.model.TrackingState;
import io.tally.hitkeep.model.UserMfaReset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Route cases for instance administration (29). */
final class RouteCasesAdmin {
    private RouteCasesAdmin() {}

    static final String EXCLUSION_JSON = "{\"id\":\"" + RULE + "\",\"type\":\"cidr\",\"cidr\":\"203.0.113.0/24\","
            + "\"description\":\"office\",\"created_by\":\"" + USER + "\",\"created_at\":\"2026-03-01T08:00:00Z\"}";

    @SuppressWarnings("unchecked")
    static void add(List<RouteCase> cases) {
        String sys = "/api/admin/system";

        cases.add(RouteCase.get("/api/admin/exclusions")
                .call(hk -> hk.admin().exclusions())
                .path("/api/admin/exclusions")
                .respond(200,
                        "[" + EXCLUSION_JSON + ",{\"id\":\"0a0b0c0d-1e1f-4a2b-8c3d-4e5f6a7b8c9d\",\"type\":\"country\","
                                + "\"country_code\":\"KP\",\"created_at\":\"2026-03-02T08:00:00Z\"}]")
                .check(r -> {
                    List<IpExclusion> rules = (List<IpExclusion>) r;
                    assertThat(rules).extracting(IpExclusion::type).containsExactly(ExclusionType.CIDR,
                            ExclusionType.COUNTRY);
                    assertThat(rules.get(1).countryCode()).isEqualTo("KP");
                }));

        cases.add(RouteCase.post("/api/admin/exclusions")
                .call(hk -> hk.admin().addExclusion(ExclusionInput.cidr("203.0.113.0/24", "office")))
                .path("/api/admin/exclusions")
                .jsonBody("{\"type\":\"cidr\",\"cidr\":\"203.0.113.0/24\",\"description\":\"office\"}")
                .respond(201, EXCLUSION_JSON)
                .check(r -> assertThat(((IpExclusion) r).cidr()).isEqualTo("203.0.113.0/24")));

        cases.add(RouteCase.delete("/api/admin/exclusions/{ruleID}")
                .call(hk -> hk.admin().deleteExclusion(RULE))
                .path("/api/admin/exclusions/" + RULE)
                .respond(204, "")
                .check(r -> assertThat(r).isNull()));

        cases.add(RouteCase.get("/api/admin/sites")
                .call(hk -> hk.admin().sites())
                .path("/api/admin/sites")
                .respond(200, "[" + SITE_JSON + "]")
                .check(r -> assertThat(((List<Site>) r).get(0).dataRetentionDays()).isEqualTo(365)));

        cases.add(RouteCase.delete("/api/admin/sites/{id}")
                .call(hk -> hk.admin().deleteSite(SITE))
                .path("/api/admin/sites/" + SITE)
                .respond(200, "{\"status\":\"ok\"}")
                .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")));

        cases.add(RouteCase.get("/api/admin/system")
                .call(hk -> hk.admin().system())
                .path(sys)
                .respond(200, "{\"version\":\"2.8.1\",\"runtime_mode\":\"single\",\"uptime\":\"72h13m5s\","
                        + "\"public_url\":\"https://analytics.example.com\",\"config_flags\":{\"mcp_enabled\":true},"
                        + "\"enabled_features\":[{\"key\":\"mcp\",\"enabled\":true},{\"key\":\"backups\",\"enabled\":false,"
                        + "\"detail\":\"HITKEEP_BACKUP_INTERVAL is 0\"}]}")
                .check(r -> {
                    SystemInfo i = (SystemInfo) r;
                    assertThat(i.version()).isEqualTo("2.8.1");
                    assertThat(i.configFlags()).containsEntry("mcp_enabled", true);
                    assertThat(i.enabledFeatures().get(1).detail()).contains("BACKUP");
                }));

        cases.add(RouteCase.get("/api/admin/system/activation")
                .call(hk -> hk.admin().activation().status(TrackingState.LIVE).team("Acme").domain("example.com")
                        .lastSeenFrom(Instant.parse(FROM)).lastSeenTo(Instant.parse(TO)).limit(25).offset(50))
                .path(sys + "/activation")
                .query("status", "live")
                .query("team", "Acme")
                .query("domain", "example.com")
                .query("last_seen_from", FROM)
                .query("last_seen_to", TO)
                .query("limit", "25")
                .query("offset", "50")
                .respond(200, "{\"rows\":[{\"team_id\":\"" + TEAM
                        + "\",\"team_name\":\"Acme\",\"owner_email\":\"owner@acme.example\","
                        + "\"plan_code\":\"pro\",\"sites_count\":2,\"active_sites\":1,\"site_id\":\"" + SITE + "\","
                        + "\"site_domain\":\"shop.example.com\",\"status\":\"live\",\"hits_last_24h\":812,\"hits_last_7d\":5120,"
                        + "\"events_last_7d\":310,\"last_hit_at\":\"2026-06-07T23:59:10Z\"}],\"total\":51,\"limit\":25,"
                        + "\"offset\":50,\"has_more\":false}")
                .check(r -> {
                    SystemActivation a = (SystemActivation) r;
                    assertThat(a.total()).isEqualTo(51);
                    assertThat(a.rows().get(0).hitsLast24h()).isEqualTo(812);
                    assertThat(a.rows().get(0).hitsLast7d()).isEqualTo(5120);
                    assertThat(a.rows().get(0).eventsLast7d()).isEqualTo(310);
                }));

        cases.add(RouteCase.get("/api/admin/system/ai")
                .call(hk -> hk.admin().ai())
                .path(sys + "/ai")
                .respond(200,
                        "{\"status\":\"configured\",\"enabled\":true,\"configured\":true,\"config_mode\":\"self_hosted\","
                                + "\"provider\":\"openai\",\"model\":\"gpt-4.1-mini\",\"base_url_configured\":false,\"budget_exhausted\":false,"
                                + "\"budget_window_minutes\":60,\"request_limit\":100,\"requests_used\":7,\"token_limit\":200000,"
                                + "\"tokens_used\":15320}")
                .check(r -> {
                    SystemAiStatus a = (SystemAiStatus) r;
                    assertThat(a.tokensUsed()).isEqualTo(15320);
                    assertThat(a.model()).isEqualTo("gpt-4.1-mini");
                }));

        cases.add(RouteCase.get("/api/admin/system/audit")
                .call(hk -> hk.admin().audit().action("api_client.created").targetType("api_client").outcome("success")
                        .actorId(USER).from(Instant.parse(FROM)).to(Instant.parse(TO)).search("ci token").limit(200)
                        .offset(0))
                .path(sys + "/audit")
                .query("action", "api_client.created")
                .query("target_type", "api_client")
                .query("outcome", "success")
                .query("actor_id", USER)
                .query("from", FROM)
                .query("to", TO)
                .query("query", "ci token")
                .query("limit", "200")
                .query("offset", "0")
                .respond(200,
                        "{\"entries\":[{\"id\":\"11111111-2222-4333-8444-555555555555\",\"action\":\"api_client.created\","
                                + "\"actor_id\":\"" + USER
                                + "\",\"actor_email_snapshot\":\"ada@example.com\",\"target_type\":\"api_client\","
                                + "\"target_label\":\"CI token\",\"outcome\":\"success\",\"ip_address\":\"198.51.100.7\","
                                + "\"created_at\":\"2026-06-02T10:00:00Z\"}],\"total\":1,\"limit\":200,\"offset\":0,\"has_more\":false}")
                .check(r -> {
                    InstanceAuditPage p = (InstanceAuditPage) r;
                    assertThat(p.hasMore()).isFalse();
                    assertThat(p.items().get(0).targetLabel()).isEqualTo("CI token");
                }));

        cases.add(RouteCase.get("/api/admin/system/audit/export")
                .call(hk -> hk.admin().exportAudit().action("site.deleted").format(ExportFormat.CSV).limit(5000))
                .path(sys + "/audit/export")
                .query("action", "site.deleted")
                .query("format", "csv")
                .query("limit", "5000")
                .respond(200,
                        "created_at,action,actor,target\n2026-06-02T10:00:00Z,site.deleted,ada@example.com,shop.example.com\n")
                .respondContentType("text/csv")
                .respondHeader("Content-Disposition", "attachment; filename=\"hitkeep-audit.csv\"")
                .check(r -> {
                    Download d = (Download) r;
                    assertThat(d.fileName()).isEqualTo("hitkeep-audit.csv");
                    assertThat(new String(d.bytes(), StandardCharsets.UTF_8)).contains("site.deleted");
                }));

        cases.add(RouteCase.get("/api/admin/system/backups")
                .call(hk -> hk.admin().backups())
                .path(sys + "/backups")
                .respond(200,
                        "{\"enabled\":true,\"config_path\":\"/var/lib/hitkeep/backups\",\"interval_min\":360,\"retention\":14,"
                                + "\"last_backup\":\"2026-06-08T06:00:00Z\",\"next_backup\":\"2026-06-08T12:00:00Z\",\"recent_failures\":0}")
                .check(r -> assertThat(((SystemBackupStatus) r).intervalMin()).isEqualTo(360)));

        cases.add(RouteCase.get("/api/admin/system/caches")
                .call(hk -> hk.admin().caches())
                .path(sys + "/caches")
                .respond(200,
                        "{\"status\":\"ok\",\"permissions_cache\":{\"size\":120,\"max_size\":4096,\"ttl\":\"5m0s\"},"
                                + "\"api_client_cache\":{\"size\":8,\"max_size\":4096,\"ttl\":\"5m0s\"},"
                                + "\"rate_limiter_cache\":{\"size\":311,\"max_size\":10000,\"ttl\":\"3m0s\"}}")
                .check(r -> assertThat(((SystemCacheStatus) r).rateLimiterCache().maxSize()).isEqualTo(10000)));

        cases.add(RouteCase.get("/api/admin/system/health")
                .call(hk -> hk.admin().health())
                .path(sys + "/health")
                .respond(200, "{\"status\":\"ok\",\"database\":\"ok\",\"workers\":\"running\",\"is_leader\":true}")
                .check(r -> assertThat(((SystemHealth) r).isLeader()).isTrue()));

        cases.add(RouteCase.get("/api/admin/system/import-stage-cleanup")
                .call(hk -> hk.admin().importStageCleanup())
                .path(sys + "/import-stage-cleanup")
                .respond(200, "{\"enabled\":true,\"retention_days\":7,\"stale_imports\":2,\"stale_files\":3,"
                        + "\"stale_bytes\":52428800,\"last_run\":\"2026-06-08T04:00:00Z\",\"recent_failures\":0}")
                .check(r -> assertThat(((SystemImportStageCleanupStatus) r).staleBytes()).isEqualTo(52428800L)));

        cases.add(RouteCase.post("/api/admin/system/import-stage-cleanup/run")
                .call(hk -> hk.admin().runImportStageCleanup())
                .path(sys + "/import-stage-cleanup/run")
                .respond(200,
                        "{\"status\":\"ok\",\"result\":{\"imports_cleaned\":2,\"files_cleaned\":3,\"bytes_cleaned\":52428800,"
                                + "\"imports_marked_failed\":1}}")
                .check(r -> {
                    SystemImportStageCleanupRun run = (SystemImportStageCleanupRun) r;
                    assertThat(run.result().filesCleaned()).isEqualTo(3);
                    assertThat(run.result().errors()).isEmpty();
                }));

        cases.add(RouteCase.get("/api/admin/system/ingest")
                .call(hk -> hk.admin().ingest())
                .path(sys + "/ingest")
                .respond(200, "{\"recent_hits\":5120,\"recent_events\":310,\"recent_rejections\":4,\"recent_spam\":17,"
                        + "\"hits_per_second\":0.85}")
                .check(r -> assertThat(((SystemIngestStats) r).hitsPerSecond()).isEqualTo(0.85)));

        cases.add(RouteCase.get("/api/admin/system/mail")
                .call(hk -> hk.admin().mail())
                .path(sys + "/mail")
                .respond(200, "{\"configured\":true,\"driver\":\"smtp\",\"host\":\"smtp.example.com\",\"port\":587,"
                        + "\"encryption\":\"starttls\",\"from_address\":\"analytics@example.com\",\"from_name\":\"HitKeep\","
                        + "\"username\":\"an***\",\"password_set\":true,\"last_test_ok\":true}")
                .check(r -> {
                    SystemMailStatus m = (SystemMailStatus) r;
                    assertThat(m.port()).isEqualTo(587);
                    assertThat(m.passwordSet()).isTrue();
                }));

        cases.add(RouteCase.post("/api/admin/system/mail/test")
                .call(hk -> hk.admin().sendTestMail("ops@example.com"))
                .path(sys + "/mail/test")
                .jsonBody("{\"email\":\"ops@example.com\"}")
                .respond(200, "{\"status\":\"ok\",\"message\":\"Test email sent to ops@example.com\"}")
                .check(r -> {
                    SystemActionResponse a = (SystemActionResponse) r;
                    assertThat(a.ok()).isTrue();
                    assertThat(a.message()).contains("ops@example.com");
                }));

        cases.add(RouteCase.get("/api/admin/system/search-console")
                .call(hk -> hk.admin().searchConsole())
                .path(sys + "/search-console")
                .respond(200,
                        "{\"status\":\"healthy\",\"credentials_status\":\"configured\",\"worker_status\":\"enabled\","
                                + "\"sync_status\":\"idle\",\"connected_teams\":2,\"mapped_sites\":5,\"pending_syncs\":0,\"running_syncs\":0,"
                                + "\"failed_syncs\":0,\"needs_attention_syncs\":0,\"last_success_at\":\"2026-06-08T03:00:00Z\"}")
                .check(r -> assertThat(((SystemSearchConsoleStatus) r).mappedSites()).isEqualTo(5)));

        cases.add(RouteCase.get("/api/admin/system/spam-filter")
                .call(hk -> hk.admin().spamFilter())
                .path(sys + "/spam-filter")
                .respond(200, "{\"db_path\":\"/var/lib/hitkeep/spam.db\",\"rule_count\":2381,\"auto_update\":true,"
                        + "\"last_refresh\":\"2026-06-07T00:00:00Z\"}")
                .check(r -> assertThat(((SystemSpamStatus) r).ruleCount()).isEqualTo(2381)));

        cases.add(RouteCase.post("/api/admin/system/spam-filter/refresh")
                .call(hk -> hk.admin().refreshSpamFilter())
                .path(sys + "/spam-filter/refresh")
                .respond(200, "{\"status\":\"error\",\"message\":\"feed https://example.org/spam.txt returned 503\"}")
                .check(r -> assertThat(((SystemActionResponse) r).ok()).isFalse()));

        cases.add(RouteCase.get("/api/admin/system/storage")
                .call(hk -> hk.admin().storage())
                .path(sys + "/storage")
                .respond(200, "{\"data_path\":\"/var/lib/hitkeep\",\"shared_db_path\":\"/var/lib/hitkeep/hitkeep.db\","
                        + "\"shared_db_bytes\":10485760,\"tenant_db_count\":1,\"tenant_dbs\":[{\"tenant_id\":\"" + TEAM
                        + "\","
                        + "\"name\":\"Acme\",\"path\":\"/var/lib/hitkeep/tenants/acme.duckdb\",\"bytes\":734003200}],"
                        + "\"disk_total_bytes\":107374182400,\"disk_available_bytes\":53687091200}")
                .check(r -> {
                    SystemStorage st = (SystemStorage) r;
                    assertThat(st.tenantDbs().get(0).bytes()).isEqualTo(734003200L);
                    assertThat(st.diskTotalBytes()).isEqualTo(107374182400L);
                }));

        cases.add(RouteCase.get("/api/admin/teams")
                .call(hk -> hk.admin().teams())
                .path("/api/admin/teams")
                .respond(200, "[{\"id\":\"" + TEAM + "\",\"name\":\"Acme\",\"is_default\":false,\"is_archived\":true,"
                        + "\"member_count\":4,\"site_count\":0,\"created_at\":\"2025-09-01T00:00:00Z\"}]")
                .check(r -> {
                    AdminTeam t = ((List<AdminTeam>) r).get(0);
                    assertThat(t.isArchived()).isTrue();
                    assertThat(t.isDefault()).isFalse();
                    assertThat(t.memberCount()).isEqualTo(4);
                }));

        cases.add(RouteCase.delete("/api/admin/teams/{id}")
                .call(hk -> hk.admin().deleteTeam(TEAM))
                .path("/api/admin/teams/" + TEAM)
                .respond(200, "{\"status\":\"ok\",\"team_id\":\"" + TEAM + "\",\"name\":\"Acme\"}")
                .check(r -> assertThat(((DeletedTeam) r).name()).isEqualTo("Acme")));

        cases.add(RouteCase.post("/api/admin/teams/{id}/archive")
                .call(hk -> hk.admin().archiveTeam(TEAM))
                .path("/api/admin/teams/" + TEAM + "/archive")
                .respond(200, "{\"status\":\"ok\"}")
                .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")));

        cases.add(RouteCase.get("/api/admin/users")
                .call(hk -> hk.admin().users())
                .path("/api/admin/users")
                .respond(200, "[{\"id\":\"" + USER + "\",\"email\":\"ada@example.com\",\"instance_role\":\"owner\","
                        + "\"created_at\":\"2025-01-01T00:00:00Z\",\"totp_enabled\":true}]")
                .check(r -> {
                    AdminUser u = ((List<AdminUser>) r).get(0);
                    assertThat(u.email()).isEqualTo("ada@example.com");
                    assertThat(u.instanceRole()).isEqualTo(InstanceRole.OWNER);
                    assertThat(u.createdAt()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
                    assertThat(u.text("totp_enabled")).isEqualTo("true");
                }));

        cases.add(RouteCase.delete("/api/admin/users/{id}")
                .call(hk -> hk.admin().deleteUser(USER))
                .path("/api/admin/users/" + USER)
                .respond(200, "{\"status\":\"ok\"}")
                .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")));

        cases.add(RouteCase.post("/api/admin/users/{id}/disable-2fa")
                .call(hk -> hk.admin().disableUserMfa(USER))
                .path("/api/admin/users/" + USER + "/disable-2fa")
                .respond(200,
                        "{\"status\":\"ok\",\"totp_disabled\":true,\"passkeys_deleted\":2,\"sessions_invalidated\":3}")
                .check(r -> {
                    UserMfaReset m = (UserMfaReset) r;
                    assertThat(m.totpDisabled()).isTrue();
                    assertThat(m.passkeysDeleted()).isEqualTo(2);
                }));

        cases.add(RouteCase.post("/api/admin/users/{id}/role")
                .call(hk -> hk.admin().setUserRole(USER, InstanceRole.ADMIN))
                .path("/api/admin/users/" + USER + "/role")
                .jsonBody("{\"role\":\"admin\"}")
                .respond(200, "{\"status\":\"ok\"}")
                .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")));
    }
}
