package io.tally.samples;

import io.tally.alephant.Alephant;
import io.tally.alephant.CockpitPeriod;
import io.tally.alephant.ExceededAction;
import io.tally.alephant.model.BudgetPolicy;
import io.tally.alephant.model.CockpitScope;
import io.tally.alephant.model.CockpitUsageSummary;
import io.tally.alephant.model.Money;
import io.tally.alephant.model.UsageSeries;
import io.tally.alephant.model.VirtualKey;
import java.time.LocalDate;
import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.RawResponse;
import io.tally.altertable.Altertable;
import io.tally.altertable.AltertableMobile;
import io.tally.altertable.FlushResult;
import io.tally.altertable.IdentifyOptions;
import io.tally.altertable.Storage;
import io.tally.altertable.TrackingConsent;
import io.tally.core.time.DateRange;
import io.tally.engagetrack.EngageTrack;
import io.tally.engagetrack.Period;
import io.tally.engagetrack.Scope;
import io.tally.engagetrack.model.ApiKeyInput;
import io.tally.engagetrack.model.ChannelReport;
import io.tally.engagetrack.model.CreatedApiKey;
import io.tally.engagetrack.model.Visitor;
import io.tally.hitkeep.Download;
import io.tally.hitkeep.ExportFormat;
import io.tally.hitkeep.Filter;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.IngestBatchResult;
import io.tally.hitkeep.LoginResult;
import io.tally.hitkeep.RealtimeSubscription;
import io.tally.hitkeep.model.ApiClientCreated;
import io.tally.hitkeep.model.ApiClientInput;
import io.tally.hitkeep.model.Hit;
import io.tally.hitkeep.model.IngestRecord;
import io.tally.hitkeep.model.ServerPageview;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteRole;
import io.tally.hitkeep.model.SiteStats;
import io.tally.hitkeep.model.StatsComparison;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.File;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.math.BigDecimal;
import io.tally.alke.Alke;
import io.tally.alke.AlkeDimensions;
import io.tally.alke.AlkeMetrics;
import io.tally.alke.AlkeReport;
import io.tally.alke.AlkeReportRequest;
import io.tally.alke.AlkeRow;
import io.tally.alke.AlkeToken;
import java.util.Collections;
import java.util.List;

/**
 * The code shown in README.md, kept here so that the build proves it compiles. Not meant to be run:
 * the samples next to it are.
 */
@SuppressWarnings({"unused", "UnusedAssignment"})
final class ReadmeExamples {
    private ReadmeExamples() {}

    static void alke(java.util.function.Supplier<String> secretManager) {
        Alke alke = Alke.builder()
                .serviceAccountToken(System.getenv("ALKE_API_TOKEN")) // or Alke.fromEnv()
                .build();
        AlkeReport report = alke.reports().run(AlkeReportRequest.builder()
                .propertyId(UUID.fromString("6f1c2b9e-4a57-4a8e-9d0b-2f4c8e1a7b31"))
                .dateFrom(LocalDate.of(2026, 3, 1))
                .dateTo(LocalDate.of(2026, 3, 15))
                .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS)
                .dimension(AlkeDimensions.DATE)
                .param("limit", 100) // passed through untouched
                .build());
        for (AlkeRow row : report.rows()) { // empty if the shape is unknown
            String day = row.dimension(AlkeDimensions.DATE).orElse("?");
            BigDecimal pageviews = row.metric(AlkeMetrics.PAGEVIEWS).orElse(BigDecimal.ZERO);
        }
        JsonNode raw = report.raw(); // always the whole answer

        // a rotated token without a new client: read for every request
        Alke rotating = Alke.builder()
                .tokenSupplier(() -> AlkeToken.serviceAccount(secretManager.get()))
                .build();
    }

    static void engagetrack(String siteId, String jwt) {
        EngageTrack engagetrack = EngageTrack.builder()
                .apiKey(System.getenv("ENGAGETRACK_API_KEY"))
                .organizationId(System.getenv("ENGAGETRACK_ORG_ID"))
                .build();

        ChannelReport channels = engagetrack.analytics().channels(siteId)
                .period(Period.THIRTY_DAYS)
                .filter(io.tally.engagetrack.Filter.of("country", "is", "DE"))
                .limit(5)
                .execute();
        System.out.println(channels.channels().get(0).totalRevenue() + " " + channels.currency());

        for (Visitor v : engagetrack.visitors().list(siteId).search("@example.com").limit(100).autoPage()) {
            System.out.println(v.email() + " last seen " + v.lastSeenAt());
        }

        CreatedApiKey key = engagetrack.withSessionToken(jwt).apiKeys()
                .create(ApiKeyInput.of("Warehouse sync", Scope.ANALYTICS_READ, Scope.SITES_READ))
                .execute();

        com.fasterxml.jackson.databind.JsonNode goals = engagetrack.raw()
                .get("/organizations/{orgId}/sites/{siteId}/goals", engagetrack.organizationId(), siteId)
                .execute();
    }

    static void engagetrackSender(String uid) {
        io.tally.engagetrack.EngageTrackSender events = io.tally.engagetrack.EngageTrackSender.init();
        events.event(io.tally.engagetrack.model.TrackedEvent.builder("pk_live_abc", "https://shop.example.com/thanks")
                .eventType(io.tally.engagetrack.model.EventType.PURCHASE).revenue(149.99).currency("USD")
                .visitorUid(uid).build());
        events.identify(io.tally.engagetrack.model.IdentifyCall.builder("pk_live_abc", uid, "user-42").build());
        io.tally.core.delivery.FlushResult result = events.flush();
        events.close();
    }

    static void hitkeep(String siteId, String password, String remoteAddr, String userAgent,
            List<IngestRecord> records) throws Exception {
        HitKeep hitkeep = HitKeep.builder()
                .baseUrl("https://analytics.example.com")
                .apiToken(System.getenv("HITKEEP_API_TOKEN"))
                .build();

        for (Site site : hitkeep.sites().list().execute()) {
            SiteStats week = hitkeep.sites().stats(site.id())
                    .range(DateRange.lastDays(7))
                    .filter(Filter.country("DE"))
                    .compareWithPreviousPeriod()
                    .execute();
            System.out.printf("%s: %d pageviews (%d the week before)%n",
                    site.domain(), week.totalPageviews(),
                    week.comparison().map(StatsComparison::totalPageviews).orElse(0L));
        }

        for (Hit hit : hitkeep.sites().hits(siteId).range(DateRange.lastDays(1)).search("/pricing").pageSize(100)
                .autoPage()) {
            System.out.println(hit.timestamp() + " " + hit.path());
        }

        Download export = hitkeep.sites().exportHits(siteId)
                .range(DateRange.lastDays(30)).format(ExportFormat.PARQUET)
                .onProgress((read, total) -> System.out.println(read + " / " + total))
                .into(Paths.get("hits.parquet"))
                .execute();

        try (RealtimeSubscription live = hitkeep.sites().realtime(siteId).subscribe(event -> {
            if (event.isResync() || event.kinds().contains("hits")) {
                refreshDashboard();
            }
        })) {
            awaitShutdown();
        }

        hitkeep.ingest().pageview(ServerPageview.builder()
                .url("https://shop.example.com/cart").timestamp(Instant.now())
                .visitorIp(remoteAddr).userAgent(userAgent)
                .build()).execute();
        IngestBatchResult result = hitkeep.ingest().batch().send(records);
        result.failures()
                .forEach(f -> System.err.println("record " + f.index() + " failed: " + f.error().getMessage()));

        LoginResult login = hitkeep.auth().login("ada@example.com", password).rememberMe(true).execute();
        if (login.mfaRequired()) {
            login = hitkeep.auth().verifyTotp(login.challenge(), promptForCode()).execute();
        }
        HitKeep dashboard = login.client();
        ApiClientCreated exporter = dashboard.apiClients()
                .create(ApiClientInput.builder("nightly export").siteRole(siteId, SiteRole.VIEWER).build())
                .execute();

        JsonNode report = hitkeep.raw().get("/api/sites/{id}/brand-new-report", siteId)
                .queryParam("from", "2026-03-01T00:00:00Z")
                .execute();
        RawResponse<JsonNode> full = hitkeep.raw().post("/api/experimental")
                .body(Collections.singletonMap("dryRun", true)).executeRaw();
    }

    static void alephant(String agentId, String masterKeyId) {
        // manager mode: a PAT (or a user JWT) always with the workspace id
        Alephant alephant = Alephant.builder()
                .pat(System.getenv("ALEPHANT_PAT"))
                .workspaceId(System.getenv("ALEPHANT_WORKSPACE_ID"))
                .build(); // or Alephant.fromEnv()
        UsageSeries usage = alephant.analytics().usage()
                .dates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7)) // UTC days, inclusive, both or neither
                .agentId(agentId) // at most one of agentId/memberId/departmentId
                .execute();
        Money week = usage.totalCost(); // dollars; never a bare double
        VirtualKey key = alephant.virtualKeys()
                .create("ci", masterKeyId, Money.ofCents(2_500), 120) // sent as "budget": 25.00 (dollars)
                .execute();
        BudgetPolicy policy = alephant.billing().setBudget(Money.ofDollars("2000"), ExceededAction.PAUSE); // 409: re-read, retry once

        // VK mode: a vk- virtual key, no workspace header
        Alephant vk = Alephant.builder().virtualKey(System.getenv("ALEPHANT_VIRTUAL_KEY")).build();
        CockpitScope scope = vk.cockpit().scope().execute(); // scope.workspaceId(), scope.isBound()
        CockpitUsageSummary summary = vk.cockpit().usageSummary().period(CockpitPeriod.LAST_7_DAYS).execute();
        boolean trustworthy = !summary.degraded(); // "zero" vs "unknown"
    }

    static void altertable(String anonId, File filesDir) {
        Altertable altertable = Altertable.init("pk_live_example");
        altertable.track("Checkout Completed", "user-42", Collections.singletonMap("order_total", 99.99));
        altertable.identify("user-42", IdentifyOptions.builder().trait("plan", "pro").anonymousId(anonId).build());
        altertable.alias("user-42", "stripe:cus_abc123");
        FlushResult result = altertable.flush();
        altertable.close();

        AltertableMobile analytics = AltertableMobile.builder(altertable)
                .storage(Storage.file(new File(filesDir, "altertable.json").toPath()))
                .trackingConsent(TrackingConsent.PENDING)
                .build();
        analytics.track("Recipe Opened");
        analytics.identify("user-42");
        analytics.reset();
    }

    static void fakes(FakeAltertable altertableFake) {
        try (FakeHitKeep fake = FakeHitKeep.start()) {
            HitKeep client = HitKeep.builder().baseUrl(fake.baseUrl()).apiToken(HitKeepDemo.TOKEN).build();
            SiteStats stats = client.sites().stats(HitKeepDemo.SHOP_SITE_ID).execute();
        }
        try (FakeHitKeep fake = FakeHitKeep.start()) {
            ManualClock clock = ManualClock.at(Instant.parse("2026-06-25T10:00:00Z"));
            RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
            HitKeep client = HitKeep.builder().baseUrl(fake.baseUrl()).apiToken(HitKeepDemo.TOKEN)
                    .options(o -> o.clock(clock).sleeper(sleeper)).build();
            List<java.time.Duration> waits = sleeper.waits();
        }
        altertableFake.failNext(3, Fault.serverError());
        altertableFake.failNext(Fault.dropConnection());

        try (FakeHitKeep fake = FakeHitKeep.builder().requestLogCapacity(100).start()) {
            fake.failNext(io.tally.testkit.server.Fault.rateLimited(java.time.Duration.ofSeconds(2)));
            fake.failNext(io.tally.testkit.server.Fault.truncatedBody());
        }
    }

    static void requestListener() {
        HitKeep client = HitKeep.builder()
                .baseUrl("https://analytics.example.com")
                .requestListener(new io.tally.core.RequestListener() {
                    @Override
                    public void onFailure(io.tally.core.RequestEvent event, RuntimeException error) {
                        System.err.println(
                                event.route() + " failed with " + event.status() + " after " + event.duration());
                    }
                })
                .build();
    }

    private static void refreshDashboard() {}

    private static void awaitShutdown() {}

    private static String promptForCode() {
        return "123456";
    }
}
