package io.tally.hitkeep.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.spi.ApiRequest;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.HitKeepRequest;
import io.tally.hitkeep.HitKeepSession;
import io.tally.hitkeep.RouteAuth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks every route case against the project's {@code hitkeep-routes.tsv} ({@link HitKeepRouteFacts}): the SDK
 * request declares the route's auth mode (which decides the credentials it sends), and the case sends every query parameter the route requires (plus {@code metric} on
 * the Web Vitals routes that need it although the spec marks it optional, reference §3.2).
 */
class RouteSpecConformanceTest {
    /** The credential kinds of the route table that the SDK's {@link RouteAuth} models (the others are not called). */
    private static final Map<String, RouteAuth> AUTH = Map.of(
            "TOKEN_OR_SESSION", RouteAuth.TOKEN_OR_SESSION,
            "SESSION_ONLY", RouteAuth.SESSION_ONLY,
            "SHARE_TOKEN", RouteAuth.SHARE_TOKEN,
            "PUBLIC", RouteAuth.PUBLIC,
            "TOKEN_ONLY", RouteAuth.TOKEN_ONLY);

    @Test
    void everyRouteDeclaresTheAuthModeAndSendsTheRequiredQueryOfTheSpec() {
        Map<String, HitKeepRouteFacts.Route> spec = new HashMap<>();
        for (HitKeepRouteFacts.Route r : HitKeepRouteFacts.all()) {
            spec.put(r.key(), r);
        }
        HitKeep client = HitKeep.builder().baseUrl("http://127.0.0.1:9").apiToken(HitKeepRoutesTest.TOKEN).build()
                .withSession(HitKeepSession.of(HitKeepRoutesTest.SESSION_JWT, null));

        List<String> problems = new ArrayList<>();
        for (RouteCase c : RouteCatalog.all()) {
            HitKeepRouteFacts.Route route = spec.get(c.toString());
            if (route == null) {
                continue; // HitKeepRouteCoverageTest reports unknown routes
            }
            ApiRequest<?, ?> request = c.request.apply(client);
            RouteAuth expected = AUTH.get(route.auth());
            if (!(request instanceof HitKeepRequest<?, ?> hk)) {
                problems.add(c + ": " + request.getClass().getName() + " is not a HitKeepRequest");
            } else if (hk.routeAuth() != expected) {
                problems.add(c + ": auth " + hk.routeAuth() + ", hitkeep-routes.tsv says " + route.auth());
            }
            List<String> required = new ArrayList<>(route.requiredQuery());
            if (c.route.matches(".*/web-vitals/(timeseries|pages|breakdown)")) {
                required.add("metric");
            }
            for (String q : required) {
                if (!c.expectedQuery.containsKey(q)) {
                    problems.add(c + ": required query parameter " + q + " is not sent");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
