package io.tally.samples;

import io.tally.alke.Alke;
import io.tally.alke.AlkeDimensions;
import io.tally.alke.AlkeMetrics;
import io.tally.alke.AlkeReport;
import io.tally.alke.AlkeReportRequest;
import io.tally.alke.AlkeRow;
import io.tally.core.ApiException;
import io.tally.core.Environment;
import io.tally.core.time.DateRange;
import io.tally.testkit.alke.AlkeDemo;
import io.tally.testkit.alke.FakeAlke;

/**
 * A tour of tally-alke: a daily pageview report, a breakdown with a passed-through field, and what to do when the
 * answer's shape is not one the SDK recognises (Alke does not document it).
 *
 * <p>Runs against an in-process {@link FakeAlke} with demo data by default. Set {@code ALKE_API_TOKEN} and
 * {@code ALKE_PROPERTY_ID} (and {@code ALKE_TOKEN_KIND=personal} for a personal token) to run it against Alke.
 *
 * <pre>mvn -q -pl samples exec:java -Dexec.mainClass=io.tally.samples.AlkeQuickstart</pre>
 */
public final class AlkeQuickstart {
    private AlkeQuickstart() {}

    public static void main(String[] args) {
        Environment env = Environment.system();
        boolean real = env.get("ALKE_API_TOKEN").isPresent() && env.get("ALKE_PROPERTY_ID").isPresent();
        FakeAlke fake = real ? null : FakeAlke.start();
        try {
            Alke alke = real ? Alke.fromEnv()
                    : Alke.builder().baseUrl(fake.baseUrl()).serviceAccountToken(AlkeDemo.TOKEN).build();
            String property = real ? env.get("ALKE_PROPERTY_ID").get() : AlkeDemo.SHOP_PROPERTY_ID.toString();
            System.out.println(
                    real ? "Alke at " + alke.options().baseUrl() : "FakeAlke (demo data) at " + fake.baseUrl());
            run(alke, property);
        } catch (ApiException e) {
            // the error format is undocumented: the status, the message Tally could read, and the raw body
            System.err.println("Alke said no: " + e.getMessage() + "\nbody: " + e.body());
            System.exit(1);
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    static void run(Alke alke, String property) {
        // 1. Pageviews and visits per day over the last 7 days
        AlkeReport daily = alke.reports().run(AlkeReportRequest.builder()
                .propertyId(property)
                .range(DateRange.lastDays(7))
                .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS)
                .dimension(AlkeDimensions.DATE)
                .build());
        if (!daily.rowsRecognised()) {
            System.out.println(
                    "Rows in a shape Tally does not know yet; the raw answer:\n" + daily.raw().toPrettyString());
            return;
        }
        System.out.println("\nLast 7 days:");
        for (AlkeRow row : daily.rows()) {
            System.out.printf("  %s  %8s pageviews  %8s visits%n", row.dimension(AlkeDimensions.DATE).orElse("?"),
                    row.metric(AlkeMetrics.PAGEVIEWS).map(Object::toString).orElse("-"),
                    row.metric(AlkeMetrics.VISITS).map(Object::toString).orElse("-"));
        }

        // 2. Top pages over 30 days: a name Alke does not document ("page") and a passed-through "limit"
        AlkeReport pages = alke.reports().run(AlkeReportRequest.builder()
                .propertyId(property)
                .range(DateRange.lastDays(30))
                .metric(AlkeMetrics.PAGEVIEWS)
                .dimension("page")
                .param("limit", 5)
                .build());
        System.out.println("\nTop pages, last 30 days:");
        for (AlkeRow row : pages.rows()) {
            System.out.printf("  %-20s %8s%n", row.dimension("page").orElse("?"),
                    row.metric(AlkeMetrics.PAGEVIEWS).map(Object::toString).orElse("-"));
        }
    }
}
