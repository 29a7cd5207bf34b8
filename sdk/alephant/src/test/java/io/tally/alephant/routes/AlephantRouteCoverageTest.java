package io.tally.alephant.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every route of {@code alephant-routes.tsv} (reference §5–§7) has a WireMock case in {@link RouteCatalog}, and no case is for an unlisted route. */
class AlephantRouteCoverageTest {
    static final int EXPECTED_ROUTES = 58;

    @Test
    void everyAlephantRouteHasAWireMockCase() {
        Set<String> routes = new TreeSet<>();
        for (AlephantRouteFacts.Route r : AlephantRouteFacts.all()) {
            routes.add(r.key());
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
        System.out.println("alephant routes covered: " + n + "/" + routes.size());
        assertThat(duplicates).as("routes with two cases").isEmpty();
        assertThat(unknown).as("cases for routes alephant-routes.tsv does not list").isEmpty();
        assertThat(missing).as("routes without a WireMock case").isEmpty();
    }

    @Test
    void everyCaseUsesTheCredentialItsRouteAccepts() {
        for (AlephantRouteFacts.Route r : AlephantRouteFacts.all()) {
            for (RouteCase c : RouteCatalog.all()) {
                if (c.toString().equals(r.key())) {
                    String expected;
                    switch (c.who) {
                        case JWT:
                            expected = "jwt";
                            break;
                        case VK:
                            expected = "vk";
                            break;
                        case NONE:
                            expected = "public";
                            break;
                        default:
                            expected = "workspace";
                    }
                    assertThat(r.credentials).as(r.key()).contains(expected);
                }
            }
        }
    }
}
