package io.tally.hitkeep.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every route HitKeep 2.8.1 registers (the project's {@code hitkeep-routes.tsv}, see {@link HitKeepRouteFacts}) is
 * wrapped by the SDK and has a WireMock case in {@link RouteCatalog} — except the MCP endpoint, the three browser-tracker routes and
 * the Stripe webhook, which a Java client must not call: 228 routes.
 */
class HitKeepRouteCoverageTest {
    static final int EXPECTED_ROUTES = 228;

    @Test
    void everyHitKeepRouteHasAWireMockCase() {
        List<HitKeepRouteFacts.Route> all = HitKeepRouteFacts.all();
        assertThat(all).as("routes in " + HitKeepRouteFacts.RESOURCE).hasSize(233);
        Set<String> routes = new TreeSet<>();
        for (HitKeepRouteFacts.Route r : all) {
            if (!isExcluded(r.method(), r.path())) {
                routes.add(r.key());
            }
        }
        assertThat(routes).hasSize(EXPECTED_ROUTES);

        Set<String> covered = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (RouteCase c : RouteCatalog.all()) {
            if (!covered.add(c.toString())) {
                duplicates.add(c.toString());
            }
        }
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(covered);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(routes);
        int n = routes.size() - missing.size();
        System.out.println("hitkeep routes covered: " + n + "/" + routes.size());
        assertThat(unknown).as("cases for routes hitkeep-routes.tsv does not list").isEmpty();
        assertThat(missing).as("routes without a WireMock case").isEmpty();
        assertThat(n).isEqualTo(EXPECTED_ROUTES);
    }

    static boolean isExcluded(String method, String path) {
        return path.startsWith("/mcp") || path.equals("/ingest") || path.equals("/ingest/event")
                || path.equals("/ingest/web-vitals") || path.equals("/api/cloud/webhooks/stripe");
    }
}
