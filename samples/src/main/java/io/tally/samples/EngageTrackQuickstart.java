package io.tally.samples;

import io.tally.core.ApiException;
import io.tally.core.Environment;
import io.tally.core.PermissionDeniedException;
import io.tally.engagetrack.EngageTrack;
import io.tally.engagetrack.Period;
import io.tally.engagetrack.model.AnalyticsReport;
import io.tally.engagetrack.model.Channel;
import io.tally.engagetrack.model.ChannelReport;
import io.tally.engagetrack.model.Site;
import io.tally.engagetrack.model.Visitor;
import io.tally.engagetrack.model.VisitorPage;
import io.tally.testkit.engagetrack.EngageTrackDemo;
import io.tally.testkit.engagetrack.FakeEngageTrack;
import java.util.List;

/**
 * A tour of tally-engagetrack: list sites, read stats for two periods, channels with revenue, page through
 * visitors, and what a missing scope looks like.
 *
 * <p>Runs against an in-process {@link FakeEngageTrack} with demo data by default. Set {@code ENGAGETRACK_API_KEY}
 * and {@code ENGAGETRACK_ORG_ID} to run it against your own EngageTrack organisation (it only reads).
 *
 * <pre>mvn -q -pl samples exec:java -Dexec.mainClass=io.tally.samples.EngageTrackQuickstart</pre>
 */
public final class EngageTrackQuickstart {
    private EngageTrackQuickstart() {}

    /** Runs the tour; see the class documentation for the environment variables. */
    public static void main(String[] args) {
        Environment env = Environment.system();
        boolean real = env.get("ENGAGETRACK_API_KEY").isPresent() && env.get("ENGAGETRACK_ORG_ID").isPresent();
        FakeEngageTrack fake = real ? null : FakeEngageTrack.start();
        try {
            EngageTrack engagetrack = real
                    ? EngageTrack.fromEnv()
                    : EngageTrack.builder().baseUrl(fake.baseUrl()).apiKey(EngageTrackDemo.API_KEY)
                            .organizationId(EngageTrackDemo.ORG_ID).build();
            System.out.println(real ? "EngageTrack at " + engagetrack.options().baseUrl()
                    : "FakeEngageTrack (demo data) at " + fake.baseUrl());
            run(engagetrack);
        } catch (ApiException e) {
            System.err.println("EngageTrack said no: " + e.getMessage());
            System.exit(1);
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    static void run(EngageTrack engagetrack) {
        // 1. The organisation's sites (scope sites:read)
        List<Site> sites = engagetrack.sites().list().execute();
        System.out.println("\nSites:");
        for (Site site : sites) {
            System.out.println("  " + site.domain() + "  (" + site.id() + ", public id " + site.publicId() + ")");
        }
        if (sites.isEmpty()) {
            return;
        }
        String siteId = sites.get(0).id();

        // 2. Headline numbers for two periods (scope analytics:read; the fields are EngageTrack's)
        AnalyticsReport week = engagetrack.analytics().stats(siteId).period(Period.SEVEN_DAYS).execute();
        AnalyticsReport month = engagetrack.analytics().stats(siteId).period(Period.THIRTY_DAYS).execute();
        System.out.println("\nStats, last 7 days:  " + week.json());
        System.out.println("Stats, last 30 days: " + month.json());

        // 3. Channels with revenue
        ChannelReport channels = engagetrack.analytics().channels(siteId).period(Period.THIRTY_DAYS).limit(5).execute();
        System.out.println("\nChannels (revenue in " + channels.currency() + "):");
        for (Channel c : channels.channels()) {
            System.out.printf("  %-16s %5d visitors %10.2f%n", c.channel(), c.visitors(), c.totalRevenue());
        }

        // 4. Visitors (scope visitors:read; personal data), page by page with autoPage()
        try {
            VisitorPage first = engagetrack.visitors().list(siteId).limit(5).execute();
            System.out.println("\nVisitors: " + first.total() + " in all; the most recent:");
            for (Visitor v : first.visitors()) {
                System.out.println(
                        "  " + v.id() + " last seen " + v.lastSeenAt() + (v.email() != null ? " (identified)" : ""));
            }
            long identified = engagetrack.visitors().list(siteId).limit(100).autoPage().stream()
                    .filter(v -> v.externalId() != null).count();
            System.out.println("Identified visitors: " + identified);
        } catch (PermissionDeniedException e) {
            // e.g. a reporting key with analytics:read and sites:read only
            System.out.println("\nNo visitors: the key lacks " + e.missingScope().orElse("a scope"));
        }
    }
}
