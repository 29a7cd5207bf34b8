package io.tally.hitkeep.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.spi.ApiRequest;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.HitKeepRequest;
import io.tally.hitkeep.HitKeepSession;
import io.tally.hitkeep.RouteAuth;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks every route case against endpoints.json: the SDK request declares the route's auth mode (which decides
 * the credentials it sends), and the case sends every query parameter the route requires (plus {@code metric} on
 * the Web Vitals routes that need it although the spec marks it optional, reference §3.2).
 */
class RouteSpecConformanceTest {
    private static final Map<String, RouteAuth> AUTH = Map.of(
            "session or API client", RouteAuth.TOKEN_OR_SESSION,
            "session only", RouteAuth.SESSION_ONLY,
            "share token (path)", RouteAuth.SHARE_TOKEN,
            "public", RouteAuth.PUBLIC,
            "API client only", RouteAuth.TOKEN_ONLY);

    @Test
    void everyRouteDeclaresTheAuthModeAndSendsTheRequiredQueryOfTheSpec() throws Exception {
        File endpoints = SharedSpecs.file("specs/hitkeep/endpoints.json");
        assumeTrue(endpoints != null, "../shared is absent");
        Map<String, JsonNode> spec = new HashMap<>();
        for (JsonNode r : new ObjectMapper().readTree(endpoints)) {
            spec.put(r.path("method").asText() + " " + r.path("path").asText(), r);
        }
        HitKeep client = HitKeep.builder().baseUrl("http://127.0.0.1:9").apiToken(HitKeepRoutesTest.TOKEN).build()
                .withSession(HitKeepSession.of(HitKeepRoutesTest.SESSION_JWT, null));

        List<String> problems = new ArrayList<>();
        for (RouteCase c : RouteCatalog.all()) {
            JsonNode route = spec.get(c.toString());
            if (route == null) {
                continue; // HitKeepRouteCoverageTest reports unknown routes
            }
            ApiRequest<?, ?> request = c.request.apply(client);
            RouteAuth expected = AUTH.get(route.path("auth").asText());
            if (!(request instanceof HitKeepRequest<?, ?> hk)) {
                problems.add(c + ": " + request.getClass().getName() + " is not a HitKeepRequest");
            } else if (hk.routeAuth() != expected) {
                problems.add(c + ": auth " + hk.routeAuth() + ", endpoints.json says " + route.path("auth").asText());
            }
            List<String> required = new ArrayList<>();
            for (String q : route.path("query").asText().split(",")) {
                if (q.trim().endsWith("*")) {
                    required.add(q.trim().replace("*", ""));
                }
            }
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
