package io.tally.hitkeep.routes;

import java.util.ArrayList;
import java.util.List;

/** Every route case. */
final class RouteCatalog {
    private RouteCatalog() {}

    static List<RouteCase> all() {
        List<RouteCase> all = new ArrayList<>();
        all.addAll(RouteCasesPart1.cases());
        all.addAll(RouteCasesPart2.cases());
        return all;
    }
}
