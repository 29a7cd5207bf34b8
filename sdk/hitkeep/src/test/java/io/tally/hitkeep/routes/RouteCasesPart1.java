package io.tally.hitkeep.routes;

import java.util.ArrayList;
import java.util.List;

/** Route cases for system, ingest, auth, API clients, user, teams, sites, analytics, goals, funnels, reports. */
final class RouteCasesPart1 {
    private RouteCasesPart1() {}

    static List<RouteCase> cases() {
        List<RouteCase> cases = new ArrayList<>();
        cases.addAll(RouteCasesAccount.cases());
        cases.addAll(RouteCasesSites.cases());
        cases.addAll(RouteCasesAnalytics.cases());
        return cases;
    }
}
