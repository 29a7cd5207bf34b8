package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.json.TallyJson;
import io.tally.testkit.hitkeep.DemoData.SiteSeed;
import io.tally.testkit.hitkeep.Model.RealtimeEvent;
import io.tally.testkit.hitkeep.Model.Site;
import io.tally.testkit.server.RequestLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Everything one fake knows: configuration, sites and their data, credentials, and what it has received. */
final class FakeState {
    /** Realtime ids of the demo's retained events start after this; an older Last-Event-ID gets a resync. */
    static final long REALTIME_BASE_ID = 100;

    final FakeHitKeep.Config config;
    final Clock clock;
    final Instant demoNow;
    final ObjectMapper json = TallyJson.newMapper(true);
    final AccessControl access = new AccessControl();
    final @Nullable RateLimiter limiter;
    /** Bounded like the request log, and empty when recording is off. */
    final RequestLog<IngestedRecord> ingested;
    private final Map<String, SiteData> sites = new LinkedHashMap<>();
    private final AtomicLong realtimeIds = new AtomicLong(REALTIME_BASE_ID);
    volatile String publicOrigin = "http://127.0.0.1";
    /** Whether the demo sites are still to be generated: on first use, not at start (start stays quick). */
    private boolean demoPending;

    FakeState(FakeHitKeep.Config config) {
        this.config = config;
        this.ingested = new RequestLog<>(config.recordRequests() ? config.requestLogCapacity() : 0);
        this.clock = config.clock();
        Instant now = config.now();
        this.demoNow = now != null ? now : clock.instant().truncatedTo(ChronoUnit.HOURS);
        this.limiter = config.rateLimitPerSecond() > 0
                ? new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), clock) : null;
        reset();
    }

    Instant now() {
        return clock.instant();
    }

    boolean secureCookies() {
        return publicOrigin.startsWith("https://");
    }

    /** Back to the configured start: demo data, configured tokens and users, nothing ingested. */
    synchronized void reset() {
        sites.clear();
        access.clear();
        ingested.clear();
        realtimeIds.set(REALTIME_BASE_ID);
        if (limiter != null) {
            limiter.clear();
        }
        demoPending = config.demoData();
        if (config.demoData()) {
            access.addToken(HitKeepDemo.TOKEN, List.of(Grant.allSites(Role.VIEWER)), false);
            access.addToken(HitKeepDemo.ADMIN_TOKEN, List.of(Grant.allSites(Role.OWNER)), false);
            access.addToken(HitKeepDemo.SHOP_TOKEN, List.of(Grant.site(HitKeepDemo.SHOP_SITE_ID, Role.VIEWER)), false);
            access.addToken(HitKeepDemo.TEAM_TOKEN, List.of(Grant.allSites(Role.VIEWER)), true);
            access.addUser(DashboardUser.builder(HitKeepDemo.OWNER_EMAIL, HitKeepDemo.PASSWORD)
                    .id(HitKeepDemo.OWNER_USER_ID).name("Dana", "Demo")
                    .instanceRole(DashboardUser.InstanceRole.OWNER).build());
            access.addUser(DashboardUser.builder(HitKeepDemo.MFA_EMAIL, HitKeepDemo.PASSWORD).name("Morgan", "Factor")
                    .grants(Grant.allSites(Role.VIEWER))
                    .totpCode(config.totpCode() != null ? config.totpCode() : HitKeepDemo.TOTP_CODE)
                    .recoveryCodes(HitKeepDemo.RECOVERY_CODE_1, HitKeepDemo.RECOVERY_CODE_2).build());
        }
        for (FakeHitKeep.TokenSpec t : config.tokens()) {
            access.addToken(t.token(), t.grants(), t.team());
        }
        for (DashboardUser u : config.users()) {
            access.addUser(u);
        }
    }

    /** Generates the demo sites on their first use (under this object's lock, as every use of the sites is). */
    private void loadDemo() {
        if (!demoPending) {
            return;
        }
        demoPending = false;
        DemoData demo = DemoGenerator.demo(config.seed(), demoNow);
        for (SiteSeed seed : demo.sites()) {
            SiteData data = SiteData.fromSeed(seed);
            sites.put(data.id(), data);
            scriptRealtime(data);
        }
    }

    /** Three change notifications just before "now", so a realtime stream has something to show. */
    private void scriptRealtime(SiteData data) {
        Object[][] script = {
                {List.of("hits"), Map.of("hits", 3), 90},
                {List.of("hits", "events"), orderedCounts("hits", 2, "events", 1), 50},
                {List.of("web_vitals"), Map.of("web_vitals", 4), 10}};
        for (Object[] s : script) {
            @SuppressWarnings("unchecked")
            List<String> kinds = (List<String>) s[0];
            @SuppressWarnings("unchecked")
            Map<String, Integer> counts = (Map<String, Integer>) s[1];
            data.realtime.add(new RealtimeEvent(realtimeIds.incrementAndGet(), data.id(), kinds,
                    demoNow.minusSeconds((Integer) s[2]), counts));
        }
    }

    private static Map<String, Integer> orderedCounts(String k1, int v1, String k2, int v2) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /**
     * Appends a change notification. Taking the id, appending and trimming happen under the site's list lock so
     * that concurrent writes keep the ids ascending and the retained window exactly 256 long.
     */
    void publishRealtime(SiteData data, String kind, Instant at) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(kind, 1);
        synchronized (data.realtime) {
            data.realtime.add(new RealtimeEvent(realtimeIds.incrementAndGet(), data.id(), List.of(kind), at, counts));
            while (data.realtime.size() > 256) {
                data.realtime.remove(0);
            }
        }
    }

    synchronized @Nullable SiteData site(@Nullable String id) {
        loadDemo();
        return id == null ? null : sites.get(id.toLowerCase(Locale.ROOT));
    }

    synchronized List<SiteData> sites() {
        loadDemo();
        return new ArrayList<>(sites.values());
    }

    /** The site a server-ingest URL belongs to: its host, lower-cased, without a leading {@code www.}. */
    synchronized @Nullable SiteData siteByHost(String host) {
        loadDemo();
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("www.")) {
            h = h.substring(4);
        }
        for (SiteData s : sites.values()) {
            if (s.site.domain().equals(h)) {
                return s;
            }
        }
        return null;
    }

    synchronized SiteData addSite(String domain, String ownerId, String ownerEmail) {
        loadDemo();
        String id = UUID.randomUUID().toString();
        Site site = new Site(id, ownerId, domain, ownerEmail, 365, now());
        SiteData data = SiteData.empty(site);
        sites.put(id, data);
        return data;
    }

    synchronized boolean removeSite(String id) {
        loadDemo();
        return sites.remove(id.toLowerCase(Locale.ROOT)) != null;
    }
}
