package io.tally.hitkeep.routes;

import java.util.ArrayList;
import java.util.List;

/**
 * Route cases for imports, opportunities, QR campaigns, shares, Search Console, cloud and admin (113 routes; the
 * Stripe webhook is not wrapped).
 */
final class RouteCasesPart2 {
    private RouteCasesPart2() {}

    static List<RouteCase> cases() {
        List<RouteCase> cases = new ArrayList<>();
        RouteCasesImports.add(cases);
        RouteCasesQr.add(cases);
        RouteCasesShare.add(cases);
        RouteCasesSearchConsole.add(cases);
        RouteCasesAdmin.add(cases);
        return cases;
    }
}
