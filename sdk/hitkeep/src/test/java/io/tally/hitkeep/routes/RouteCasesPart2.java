package io.tally.hitkeep.routes;

import java.util.ArrayList;
import java.util.List;

/** Route cases for imports, opportunities, QR campaigns, shares, Search Console, cloud and admin. */
final class RouteCasesPart2 {
    private RouteCasesPart2() {}

    static List<RouteCase> cases() {
        List<RouteCase> cases = new ArrayList<>();
        return cases;
    }
}
