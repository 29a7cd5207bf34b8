package io.tally.samples;

import io.tally.alephant.Alephant;
import io.tally.alephant.CockpitPeriod;
import io.tally.alephant.model.CockpitBudgetStatus;
import io.tally.alephant.model.CockpitModelCosts;
import io.tally.alephant.model.CockpitScope;
import io.tally.alephant.model.CockpitUsageSummary;
import io.tally.core.ApiException;
import io.tally.core.Environment;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;

/**
 * tally-alephant in VK mode (a {@code vk-} virtual key, no workspace header): what the key is bound to, its usage,
 * costs by model and budget, and whether the numbers are degraded.
 *
 * <p>Runs against an in-process {@link FakeAlephant} by default. Set {@code ALEPHANT_VIRTUAL_KEY} (and optionally
 * {@code ALEPHANT_BASE_URL}) to run it against Alephant.
 *
 * <pre>mvn -q -pl samples exec:java -Dexec.mainClass=io.tally.samples.AlephantVirtualKeyQuickstart</pre>
 */
public final class AlephantVirtualKeyQuickstart {
    private AlephantVirtualKeyQuickstart() {}

    public static void main(String[] args) {
        Environment env = Environment.system();
        boolean real = env.get("ALEPHANT_VIRTUAL_KEY").isPresent();
        FakeAlephant fake = real ? null : FakeAlephant.start();
        try {
            Alephant key = real ? Alephant.fromEnv()
                    : Alephant.builder().baseUrl(fake.baseUrl()).virtualKey(AlephantDemo.AGENT_VK).build();
            run(key);
        } catch (ApiException e) {
            System.err.println("Alephant said no: " + e.getMessage());
            System.exit(1);
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    static void run(Alephant key) {
        CockpitScope scope = key.cockpit().scope().execute();
        System.out.println("Workspace " + scope.workspaceId() + ", key " + scope.virtualKeyId());
        if (!scope.isBound()) {
            System.out.println("The key is not bound to an agent or member: its usage views are empty.");
            return;
        }
        System.out.println("Bound to " + scope.entityType() + " " + scope.entityName());

        CockpitUsageSummary usage = key.cockpit().usageSummary().period(CockpitPeriod.LAST_30_DAYS).execute();
        System.out.println("Last 30 days: " + usage.totalCost() + ", " + usage.totalRequests() + " requests"
                + (usage.degraded() ? " (degraded: the numbers may be incomplete)" : ""));
        CockpitModelCosts models = key.cockpit().costByModel().period(CockpitPeriod.LAST_30_DAYS).execute();
        models.models().forEach(m -> System.out.printf("  %-20s %s%n", m.model(), m.cost()));
        CockpitBudgetStatus budget = key.cockpit().budgetStatus().execute();
        System.out
                .println("Budget " + budget.budget() + ", spent " + budget.spent() + ", remaining " + budget.remaining()
                        + " (" + budget.percentUsed() + " %), when exceeded: " + budget.exceededAction());
    }
}
