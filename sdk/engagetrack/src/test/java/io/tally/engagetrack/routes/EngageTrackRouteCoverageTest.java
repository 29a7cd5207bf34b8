package io.tally.engagetrack.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every route EngageTrack documents with a path ({@code engagetrack-routes.tsv}) has a WireMock case in
 * {@link RouteCatalog}, except {@code POST /auth/login}, whose body and answer are unpublished (a session is set
 * with a token the user already has).
 */
class EngageTrackRouteCoverageTest {
    static final int EXPECTED_ROUTES = 19;

    @Test
    void everyDocumentedRouteHasAWireMockCase() {
        List<EngageTrackRouteFacts.Route> all = EngageTrackRouteFacts.all();
        assertThat(all).as("routes in " + EngageTrackRouteFacts.RESOURCE).hasSize(20);
        Set<String> routes = new TreeSet<>();
        for (EngageTrackRouteFacts.Route r : all) {
            if (!r.path().equals("/auth/login")) {
                routes.add(r.key());
            }
        }
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
        System.out.println("engagetrack routes covered: " + n + "/" + routes.size());
        assertThat(duplicates).as("routes with two cases").isEmpty();
        assertThat(unknown).as("cases for routes engagetrack-routes.tsv does not list").isEmpty();
        assertThat(missing).as("routes without a WireMock case").isEmpty();
        assertThat(n).isEqualTo(EXPECTED_ROUTES);
    }

    @Test
    void sessionOnlyRoutesInTheFactsAreTheOnesTheSdkRefusesKeysOn() {
        for (EngageTrackRouteFacts.Route r : EngageTrackRouteFacts.all()) {
            boolean sessionCase = RouteCatalog.all().stream().anyMatch(c -> c.toString().equals(r.key()) && c.session);
            if (r.credentials().equals("session")) {
                assertThat(sessionCase).as("%s is session-only: its case must use a session", r.key()).isTrue();
            }
        }
    }
}
