package io.tally.samples;

import io.tally.core.ApiException;
import io.tally.core.Environment;
import io.tally.core.time.DateRange;
import io.tally.hitkeep.ExportFormat;
import io.tally.hitkeep.Filter;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.model.Hit;
import io.tally.hitkeep.model.MetricStat;
import io.tally.hitkeep.model.RealtimeEvent;
import io.tally.hitkeep.model.ServerEvent;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteStats;
import io.tally.hitkeep.RealtimeEventStream;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A tour of tally-hitkeep: list sites, read stats with a filter and a date range, page through hits,
 * stream an export, follow realtime, send a server-side event.
 *
 * <p>Runs against an in-process {@link FakeHitKeep} with demo data by default. Set
 * {@code HITKEEP_BASE_URL} and {@code HITKEEP_API_TOKEN} to run it against your own HitKeep (it then
 * only reads, unless {@code HITKEEP_SAMPLE_INGEST=true}).
 *
 * <pre>mvn -q -pl samples exec:java -Dexec.mainClass=io.tally.samples.HitKeepQuickstart</pre>
 */
public final class HitKeepQuickstart {
    private HitKeepQuickstart() {}

    public static void main(String[] args) throws Exception {
        Environment env = Environment.system();
        boolean real = env.get("HITKEEP_BASE_URL").isPresent() && env.get("HITKEEP_API_TOKEN").isPresent();
        FakeHitKeep fake = real ? null : FakeHitKeep.start();
        try {
            HitKeep hitkeep = real
                    ? HitKeep.fromEnv()
                    : HitKeep.builder().baseUrl(fake.baseUrl()).apiToken(HitKeepDemo.ADMIN_TOKEN).build();
            System.out.println(real ? "HitKeep at " + hitkeep.options().baseUrl()
                    : "FakeHitKeep (demo data) at " + fake.baseUrl());
            run(hitkeep, !real || env.get("HITKEEP_SAMPLE_INGEST").map(Boolean::parseBoolean).orElse(false));
        } catch (ApiException e) {
            System.err.println("HitKeep said no: " + e.getMessage());
            System.exit(1);
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    static void run(HitKeep hitkeep, boolean ingest) throws Exception {
        // 1. The sites this token may see
        List<Site> sites = hitkeep.sites().list().execute();
        System.out.println("\nSites:");
        for (Site site : sites) {
            System.out.println("  " + site.domain() + "  (" + site.id() + ")");
        }
        if (sites.isEmpty()) {
            System.out.println("  none: give the API client a site grant");
            return;
        }
        Site site = sites.get(0);

        // 2. Stats for the last 7 days, all traffic and only the home page
        DateRange week = DateRange.lastDays(7);
        SiteStats stats = hitkeep.sites().stats(site.id()).range(week).compareWithPreviousPeriod().execute();
        System.out.printf("%nLast 7 days on %s: %d pageviews, %d sessions, bounce rate %.1f %%%n",
                site.domain(), stats.totalPageviews(), stats.uniqueSessions(), stats.bounceRatePercent());
        System.out.println("Top pages:");
        for (MetricStat page : stats.topPages().subList(0, Math.min(5, stats.topPages().size()))) {
            System.out.printf("  %-40s %6d%n", page.name(), page.value());
        }
        SiteStats home = hitkeep.sites().stats(site.id()).range(week).filter(Filter.path("/")).execute();
        System.out.println("Pageviews of / alone: " + home.totalPageviews());

        // 3. Raw hits of the last 24 hours, page by page (100 per request)
        int count = 0;
        Hit last = null;
        for (Hit hit : hitkeep.sites().hits(site.id()).range(DateRange.lastDays(1)).pageSize(100).autoPage()) {
            count++;
            last = hit;
        }
        System.out.println("\nHits in the last 24 hours: " + count
                + (last != null ? " (oldest: " + last.path() + " at " + last.timestamp() + ")" : ""));

        // 4. An export, streamed (into a file with .into(Path), here into memory to print its head)
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        hitkeep.sites().exportHits(site.id()).range(DateRange.lastDays(1)).format(ExportFormat.CSV).into(csv).execute();
        String text = csv.toString(StandardCharsets.UTF_8.name());
        System.out.println("\nCSV export, " + csv.size() + " bytes; first line: " + text.split("\n", 2)[0]);

        // 5. Realtime change notifications (the fake's stream ends after a few events)
        System.out.println("\nRealtime:");
        try (RealtimeEventStream events = hitkeep.sites().realtime(site.id()).maxConsecutiveFailures(1).stream()) {
            int shown = 0;
            while (shown < 3 && events.hasNext()) {
                RealtimeEvent e = events.next();
                System.out.println("  " + e.type() + " kinds=" + e.kinds() + " counts=" + e.counts());
                shown++;
            }
        }

        // 6. A server-side event (needs site.manage_data on the site)
        if (ingest) {
            hitkeep.ingest().event(ServerEvent.builder("signup_completed")
                    .url("https://" + site.domain() + "/welcome")
                    .timestamp(Instant.now())
                    .visitorIp("203.0.113.7")
                    .userAgent("Mozilla/5.0 (X11; Linux x86_64) tally-sample")
                    .property("plan", "pro")
                    .build()).execute();
            System.out.println("\nSent event signup_completed to " + site.domain());
        }
    }
}
