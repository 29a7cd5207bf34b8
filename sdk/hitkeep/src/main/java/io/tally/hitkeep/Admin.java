package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.spi.ResponseReader;
import io.tally.core.paging.AutoPager;
import io.tally.core.paging.Page;
import io.tally.hitkeep.model.AdminTeam;
import io.tally.hitkeep.model.AdminUser;
import io.tally.hitkeep.model.DeletedTeam;
import io.tally.hitkeep.model.ExclusionInput;
import io.tally.hitkeep.model.InstanceAuditEntry;
import io.tally.hitkeep.model.InstanceAuditPage;
import io.tally.hitkeep.model.InstanceRole;
import io.tally.hitkeep.model.IpExclusion;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.Status;
import io.tally.hitkeep.model.SystemActionResponse;
import io.tally.hitkeep.model.SystemActivation;
import io.tally.hitkeep.model.SystemActivationRow;
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
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Instance administration ({@code /api/admin/…}): users, teams, sites, global exclusions, system status,
 * maintenance actions and the audit log. Each route checks an instance permission
 * ({@code instance.view_system}, {@code instance.manage_users}, {@code instance.run_maintenance},
 * {@code instance.view_audit}, {@code instance.export_audit}, {@code instance.view_activation},
 * {@code instance.manage_site_exclusions}); {@code owner} holds all, {@code admin} the viewing ones and
 * maintenance. With a token, only a <b>personal</b> API client whose instance role is {@code admin} or
 * {@code owner} gets through; team clients get 403.
 */
public final class Admin {
    private final HitKeep client;

    Admin(HitKeep client) {
        this.client = client;
    }

    // ---- users, teams, sites --------------------------------------------------------------------

    /** Every user account ({@code GET /api/admin/users}; {@code instance.manage_users}). */
    public HitKeepCall<List<AdminUser>> users() {
        return call("GET", "/api/admin/users", client.context().listOf(AdminUser.class));
    }

    /**
     * Sets a user's instance role ({@code POST /api/admin/users/{id}/role}; {@code instance.manage_users}).
     */
    public HitKeepCall<Status> setUserRole(String userId, InstanceRole role) {
        Objects.requireNonNull(role, "role");
        return call("POST", "/api/admin/users/{id}/role", client.context().json(Status.class), userId)
                .body(Collections.singletonMap("role", role.value()));
    }

    /**
     * Turns off a user's TOTP and passkeys and ends their remembered sessions, for account recovery
     * ({@code POST /api/admin/users/{id}/disable-2fa}; instance owners only).
     */
    public HitKeepCall<io.tally.hitkeep.model.UserMfaReset> disableUserMfa(String userId) {
        return call("POST", "/api/admin/users/{id}/disable-2fa",
                client.context().json(io.tally.hitkeep.model.UserMfaReset.class),
                userId);
    }

    /**
     * Deletes a user account ({@code DELETE /api/admin/users/{id}}; {@code instance.manage_users}). Refused for
     * oneself, and with 409 while the user is the sole owner of a team.
     */
    public HitKeepCall<Status> deleteUser(String userId) {
        return call("DELETE", "/api/admin/users/{id}", client.context().json(Status.class), userId);
    }

    /** Every team with member and site counts ({@code GET /api/admin/teams}; {@code instance.manage_users}). */
    public HitKeepCall<List<AdminTeam>> teams() {
        return call("GET", "/api/admin/teams", client.context().listOf(AdminTeam.class));
    }

    /**
     * Archives a team whose sites were moved or deleted ({@code POST /api/admin/teams/{id}/archive};
     * {@code instance.manage_users}); the default team cannot be archived.
     */
    public HitKeepCall<Status> archiveTeam(String teamId) {
        return call("POST", "/api/admin/teams/{id}/archive", client.context().json(Status.class), teamId);
    }

    /**
     * Permanently deletes an archived team and its analytics database ({@code DELETE /api/admin/teams/{id}};
     * {@code instance.manage_users}); 400 unless it is archived and has no sites.
     */
    public HitKeepCall<DeletedTeam> deleteTeam(String teamId) {
        return call("DELETE", "/api/admin/teams/{id}", client.context().json(DeletedTeam.class), teamId);
    }

    /** Every site on the instance ({@code GET /api/admin/sites}; {@code instance.manage_users}). */
    public HitKeepCall<List<Site>> sites() {
        return call("GET", "/api/admin/sites", client.context().listOf(Site.class));
    }

    /** Deletes a site and its data ({@code DELETE /api/admin/sites/{id}}; {@code instance.manage_users}). */
    public HitKeepCall<Status> deleteSite(String siteId) {
        return call("DELETE", "/api/admin/sites/{id}", client.context().json(Status.class), siteId);
    }

    // ---- global exclusions ----------------------------------------------------------------------

    /** Exclusion rules that apply to every site ({@code GET /api/admin/exclusions}; {@code instance.manage_site_exclusions}). */
    public HitKeepCall<List<IpExclusion>> exclusions() {
        return call("GET", "/api/admin/exclusions", client.context().listOf(IpExclusion.class));
    }

    /**
     * Adds an exclusion rule for every site: an IP range or a country, for new traffic only
     * ({@code POST /api/admin/exclusions}, 201; {@code instance.manage_site_exclusions}).
     */
    public HitKeepCall<IpExclusion> addExclusion(ExclusionInput rule) {
        Objects.requireNonNull(rule, "rule");
        return call("POST", "/api/admin/exclusions", client.context().json(IpExclusion.class)).body(rule);
    }

    /** Deletes a global exclusion rule ({@code DELETE /api/admin/exclusions/{ruleID}}, 204). */
    public HitKeepCall<Void> deleteExclusion(String ruleId) {
        return call("DELETE", "/api/admin/exclusions/{ruleID}", ResponseReader.discard(), ruleId);
    }

    // ---- system status --------------------------------------------------------------------------

    /** Version, runtime mode, uptime, public URL and feature switches ({@code GET /api/admin/system}). */
    public HitKeepCall<SystemInfo> system() {
        return get("/api/admin/system", SystemInfo.class);
    }

    /** Database, worker and cluster-leader health ({@code GET /api/admin/system/health}). */
    public HitKeepCall<SystemHealth> health() {
        return get("/api/admin/system/health", SystemHealth.class);
    }

    /** AI gateway configuration and budget use, without secrets ({@code GET /api/admin/system/ai}). */
    public HitKeepCall<SystemAiStatus> ai() {
        return get("/api/admin/system/ai", SystemAiStatus.class);
    }

    /** Automatic backup configuration and results ({@code GET /api/admin/system/backups}). */
    public HitKeepCall<SystemBackupStatus> backups() {
        return get("/api/admin/system/backups", SystemBackupStatus.class);
    }

    /** Cache sizes and pressure ({@code GET /api/admin/system/caches}). */
    public HitKeepCall<SystemCacheStatus> caches() {
        return get("/api/admin/system/caches", SystemCacheStatus.class);
    }

    /** Recent ingest volume ({@code GET /api/admin/system/ingest}). */
    public HitKeepCall<SystemIngestStats> ingest() {
        return get("/api/admin/system/ingest", SystemIngestStats.class);
    }

    /** Mail transport configuration and last test ({@code GET /api/admin/system/mail}). */
    public HitKeepCall<SystemMailStatus> mail() {
        return get("/api/admin/system/mail", SystemMailStatus.class);
    }

    /** Search Console credential, worker and sync health ({@code GET /api/admin/system/search-console}). */
    public HitKeepCall<SystemSearchConsoleStatus> searchConsole() {
        return get("/api/admin/system/search-console", SystemSearchConsoleStatus.class);
    }

    /** The referrer spam list ({@code GET /api/admin/system/spam-filter}). */
    public HitKeepCall<SystemSpamStatus> spamFilter() {
        return get("/api/admin/system/spam-filter", SystemSpamStatus.class);
    }

    /** Data paths, database sizes and disk space ({@code GET /api/admin/system/storage}). */
    public HitKeepCall<SystemStorage> storage() {
        return get("/api/admin/system/storage", SystemStorage.class);
    }

    /** Stale staged import files and the cleanup policy ({@code GET /api/admin/system/import-stage-cleanup}). */
    public HitKeepCall<SystemImportStageCleanupStatus> importStageCleanup() {
        return get("/api/admin/system/import-stage-cleanup", SystemImportStageCleanupStatus.class);
    }

    /**
     * Setup and activity of every team's sites, filtered and paged
     * ({@code GET /api/admin/system/activation}; {@code instance.view_activation}, owners).
     */
    public ActivationRequest activation() {
        return new ActivationRequest(client);
    }

    // ---- maintenance actions ---------------------------------------------------------------------

    /**
     * Sends a real test e-mail through the configured transport ({@code POST /api/admin/system/mail/test};
     * {@code instance.run_maintenance}). A failed send is answered {@code status: error} with the reason.
     */
    public HitKeepCall<SystemActionResponse> sendTestMail(String recipient) {
        if (recipient == null || recipient.indexOf('@') < 1) {
            throw new IllegalArgumentException("recipient must be an e-mail address, got '" + recipient + "'");
        }
        return call("POST", "/api/admin/system/mail/test", client.context().json(SystemActionResponse.class))
                .body(Collections.singletonMap("email", recipient.trim()));
    }

    /** Downloads and rebuilds the spam list ({@code POST /api/admin/system/spam-filter/refresh}; {@code instance.run_maintenance}). */
    public HitKeepCall<SystemActionResponse> refreshSpamFilter() {
        return call("POST", "/api/admin/system/spam-filter/refresh", client.context().json(SystemActionResponse.class));
    }

    /**
     * Removes stale staged import files now ({@code POST /api/admin/system/import-stage-cleanup/run};
     * {@code instance.run_maintenance}); 409 when cleanup is disabled.
     */
    public HitKeepCall<SystemImportStageCleanupRun> runImportStageCleanup() {
        return call("POST", "/api/admin/system/import-stage-cleanup/run",
                client.context().json(SystemImportStageCleanupRun.class));
    }

    // ---- audit ----------------------------------------------------------------------------------

    /** The instance audit log, newest first, filtered and paged ({@code GET /api/admin/system/audit}; {@code instance.view_audit}). */
    public AuditRequest audit() {
        return new AuditRequest(client);
    }

    /**
     * The matching audit entries as a CSV or JSON file ({@code GET /api/admin/system/audit/export};
     * {@code instance.export_audit}); JSON and at most 10,000 rows unless set otherwise.
     */
    public AuditExportRequest exportAudit() {
        return new AuditExportRequest(client);
    }

    private <T> HitKeepCall<T> get(String route, Class<T> type) {
        return call("GET", route, client.context().json(type));
    }

    private <T> HitKeepCall<T> call(String method, String route, ResponseReader<T> reader, Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.TOKEN_OR_SESSION, path, reader);
    }

    static void requireRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** The activation view request: filters, {@code limit}/{@code offset}, and {@link #autoPage()}. */
    public static final class ActivationRequest extends HitKeepRequest<SystemActivation, ActivationRequest> {
        ActivationRequest(HitKeep client) {
            super(client, "GET", "/api/admin/system/activation", RouteAuth.TOKEN_OR_SESSION, new Object[0],
                    client.context().json(SystemActivation.class));
        }

        /** Only sites in this tracking state. */
        public ActivationRequest status(TrackingState status) {
            return query("status", Objects.requireNonNull(status, "status").value());
        }

        /** Only teams whose name matches. */
        public ActivationRequest team(String team) {
            return query("team", team);
        }

        /** Only sites whose domain matches. */
        public ActivationRequest domain(String domain) {
            return query("domain", domain);
        }

        /** Only sites last seen at or after this time. */
        public ActivationRequest lastSeenFrom(Instant from) {
            return query("last_seen_from", from);
        }

        /** Only sites last seen before this time. */
        public ActivationRequest lastSeenTo(Instant to) {
            return query("last_seen_to", to);
        }

        /** Rows per page, at least 1. */
        public ActivationRequest limit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, got " + limit);
            }
            return query("limit", limit);
        }

        /** Rows to skip, at least 0. */
        public ActivationRequest offset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be at least 0, got " + offset);
            }
            return query("offset", offset);
        }

        /** Every matching row, fetched page by page ({@code limit} per page, default 50) from {@code offset}. */
        public AutoPager<SystemActivationRow> autoPage() {
            int pageSize = intQuery("limit", 50);
            return AutoPager.offsetLimit(intQuery("offset", 0), pageSize, (position, size) -> {
                Map<String, String> q = new HashMap<>();
                q.put("limit", String.valueOf(size));
                q.put("offset", String.valueOf(position));
                SystemActivation page = executeWithQuery(q);
                return Page.of(page.rows(), page.total());
            });
        }

        private int intQuery(String name, int fallback) {
            List<String> v = queryValues(name);
            return v.isEmpty() ? fallback : Integer.parseInt(v.get(0));
        }
    }

    /**
     * The audit log request: filters ({@code action}, {@code target_type}, {@code outcome}, {@code actor_id},
     * {@code from}/{@code to}, free-text {@code query}), {@code limit} (1–200) and {@code offset}, and
     * {@link #autoPage()}.
     */
    public static final class AuditRequest extends HitKeepRequest<InstanceAuditPage, AuditRequest>
            implements
                WindowedRequest<AuditRequest> {
        /** HitKeep's largest page. */
        public static final int MAX_LIMIT = 200;

        AuditRequest(HitKeep client) {
            super(client, "GET", "/api/admin/system/audit", RouteAuth.TOKEN_OR_SESSION, new Object[0],
                    client.context().json(InstanceAuditPage.class));
        }

        /** Only this exact action, e.g. {@code api_client.created}. */
        public AuditRequest action(String action) {
            return query("action", action);
        }

        /** Only this target type, e.g. {@code site}, {@code user}. */
        public AuditRequest targetType(String targetType) {
            return query("target_type", targetType);
        }

        /** Only this outcome, e.g. {@code success} or {@code failure}. */
        public AuditRequest outcome(String outcome) {
            return query("outcome", outcome);
        }

        /** Only actions by this user (UUID). */
        public AuditRequest actorId(String actorId) {
            return query("actor_id", actorId);
        }

        /** Free-text search over action, actor, target, outcome, IP, request id and details. */
        public AuditRequest search(String text) {
            return query("query", text);
        }

        /** Entries per page, 1–200. */
        public AuditRequest limit(int limit) {
            requireRange(limit, 1, MAX_LIMIT, "limit");
            return query("limit", limit);
        }

        /** Entries to skip, at least 0. */
        public AuditRequest offset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must be at least 0, got " + offset);
            }
            return query("offset", offset);
        }

        /** Every matching entry, fetched page by page ({@code limit} per page, default 200) from {@code offset}. */
        public AutoPager<InstanceAuditEntry> autoPage() {
            List<String> limit = queryValues("limit");
            List<String> offset = queryValues("offset");
            int pageSize = limit.isEmpty() ? MAX_LIMIT : Integer.parseInt(limit.get(0));
            return AutoPager.offsetLimit(offset.isEmpty() ? 0 : Long.parseLong(offset.get(0)), pageSize,
                    (position, size) -> {
                        Map<String, String> q = new HashMap<>();
                        q.put("limit", String.valueOf(size));
                        q.put("offset", String.valueOf(position));
                        InstanceAuditPage page = executeWithQuery(q);
                        return Page.of(page.items(), page.total());
                    });
        }
    }

    /** The audit export: the audit filters, {@code format} (csv or json) and {@code limit} (1–50,000). */
    public static final class AuditExportRequest extends FileRequest<AuditExportRequest>
            implements
                WindowedRequest<AuditExportRequest> {
        /** HitKeep's largest export. */
        public static final int MAX_LIMIT = 50_000;

        AuditExportRequest(HitKeep client) {
            super(client, "/api/admin/system/audit/export", RouteAuth.TOKEN_OR_SESSION, new Object[0],
                    new DownloadTarget());
        }

        /** Only this exact action. */
        public AuditExportRequest action(String action) {
            return query("action", action);
        }

        /** Only this target type. */
        public AuditExportRequest targetType(String targetType) {
            return query("target_type", targetType);
        }

        /** Only this outcome. */
        public AuditExportRequest outcome(String outcome) {
            return query("outcome", outcome);
        }

        /** Only actions by this user (UUID). */
        public AuditExportRequest actorId(String actorId) {
            return query("actor_id", actorId);
        }

        /** Free-text search. */
        public AuditExportRequest search(String text) {
            return query("query", text);
        }

        /** {@link ExportFormat#CSV} or {@link ExportFormat#JSON} (the default). */
        public AuditExportRequest format(ExportFormat format) {
            Objects.requireNonNull(format, "format");
            if (!format.equals(ExportFormat.CSV) && !format.equals(ExportFormat.JSON)) {
                throw new IllegalArgumentException("format of the audit export must be csv or json, got " + format);
            }
            return query("format", format.value());
        }

        /** At most this many rows, 1–50,000 (HitKeep's default: 10,000). */
        public AuditExportRequest limit(int limit) {
            requireRange(limit, 1, MAX_LIMIT, "limit");
            return query("limit", limit);
        }
    }
}
