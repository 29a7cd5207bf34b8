package io.tally.samples;

import io.tally.alephant.Alephant;
import io.tally.alephant.TimeseriesMetric;
import io.tally.alephant.model.CostItem;
import io.tally.alephant.model.ItemPage;
import io.tally.alephant.model.UsageSeries;
import io.tally.alephant.model.VirtualKey;
import io.tally.alephant.model.WorkspaceOverview;
import io.tally.core.ApiException;
import io.tally.core.Environment;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * tally-alephant in manager mode (a PAT with {@code X-Workspace-Id}): the workspace overview, usage and costs of
 * the last 7 days, virtual keys with their budgets, a collector rollup.
 *
 * <p>Runs against an in-process {@link FakeAlephant} with the demo workspace by default. Set {@code ALEPHANT_PAT}
 * and {@code ALEPHANT_WORKSPACE_ID} (and optionally {@code ALEPHANT_BASE_URL}, {@code ALEPHANT_ANALYTICS_BASE_URL})
 * to run it against Alephant; it only reads.
 *
 * <pre>mvn -q -pl samples exec:java -Dexec.mainClass=io.tally.samples.AlephantManagerQuickstart</pre>
 */
public final class AlephantManagerQuickstart {
    private AlephantManagerQuickstart() {}

    public static void main(String[] args) {
        Environment env = Environment.system();
        boolean real = env.get("ALEPHANT_PAT").isPresent() && env.get("ALEPHANT_WORKSPACE_ID").isPresent();
        FakeAlephant fake = real ? null : FakeAlephant.start();
        try {
            Alephant alephant = real ? Alephant.fromEnv()
                    : Alephant.builder().baseUrl(fake.baseUrl()).analyticsBaseUrl(fake.baseUrl())
                            .pat(AlephantDemo.READ_PAT).workspaceId(AlephantDemo.WORKSPACE_ID).build();
            System.out.println(
                    real ? "Alephant at " + alephant.options().baseUrl() : "FakeAlephant (demo) at " + fake.baseUrl());
            run(alephant);
        } catch (ApiException e) {
            System.err.println("Alephant said no: " + e.getMessage());
            System.exit(1);
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    static void run(Alephant alephant) {
        WorkspaceOverview overview = alephant.analytics().overview().execute();
        System.out.printf("%nWorkspace: %d members, %d agents, %d virtual keys; spend %s%n", overview.totalMembers(),
                overview.totalAgents(), overview.totalVirtualKeys(), overview.totalCost());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        UsageSeries week = alephant.analytics().usage().dates(today.minusDays(6), today).execute();
        System.out.println("Last 7 days: " + week.totalCost() + " over " + week.series().size() + " days");

        System.out.println("Top agents by cost:");
        alephant.analytics().costs().dates(today.minusDays(6), today).execute().dimension("agent").ifPresent(d -> {
            for (CostItem item : d.items()) {
                System.out.printf("  %-24s %s%n", item.name(), item.cost());
            }
        });

        ItemPage<VirtualKey> keys = alephant.virtualKeys().list().execute();
        System.out.println("Virtual keys (budget read in cents, shown in dollars):");
        for (VirtualKey key : keys.items()) {
            System.out.printf("  %-16s %-8s budget %s, spent %s%n", key.label(), key.status(), key.budget(),
                    key.spent());
        }

        System.out.println("Cost series (30 days): "
                + alephant.analytics().timeseries(TimeseriesMetric.COST).execute().json().path("points").size()
                + " points");
        System.out.println("Collector, last 30 days: "
                + alephant.collector().usageSummary().execute().current().cost());
    }
}
