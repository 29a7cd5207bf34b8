package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every route the fake serves is a HitKeep 2.8.1 route with the same auth mode, permission and rate limiter. */
class FakeHitKeepRouteSpecTest {

    static Path sharedDir() {
        String configured = System.getProperty("tally.shared.dir");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured);
        }
        for (String candidate : new String[] {"../shared", "../../shared", "../../../shared"}) {
            if (Files.isDirectory(Paths.get(candidate, "specs"))) {
                return Paths.get(candidate);
            }
        }
        throw new IllegalStateException("shared specs not found; set -Dtally.shared.dir");
    }

    /** Path parameters are named differently in places ({@code {qrID}} vs {@code {qrId}}); compare their shapes. */
    private static String shape(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void everyRouteMatchesEndpointsJson() throws IOException {
        JsonNode endpoints = Fixtures.MAPPER.readTree(sharedDir().resolve("specs/hitkeep/endpoints.json").toFile());
        Map<String, JsonNode> byShape = new HashMap<>();
        endpoints.forEach(e -> byShape.put(shape(e.get("method").asText(), e.get("path").asText()), e));

        try (FakeHitKeep fake = Fixtures.builder().start()) {
            assertThat(fake.routeTable().routes()).hasSizeGreaterThan(40);
            for (RouteTable.Route route : fake.routeTable().routes()) {
                String shape = shape(route.method(), route.pattern());
                JsonNode spec = byShape.get(shape);
                assertThat(spec).as("HitKeep has no route " + shape).isNotNull();

                String auth = switch (route.auth()) {
                    case PUBLIC -> "public";
                    case TOKEN_OR_SESSION -> "session or API client";
                    case SESSION_ONLY -> "session only";
                    case TOKEN_ONLY -> "API client only";
                };
                assertThat(spec.get("auth").asText()).as("auth of " + shape).isEqualTo(auth);

                String limiter = route.limiter() == null ? "—" : route.limiter().name().toLowerCase();
                assertThat(spec.get("lim").asText()).as("limiter of " + shape).isEqualTo(limiter);

                String perm = spec.get("perm").asText();
                if (route.permission() != null) {
                    assertThat(perm).as("permission of " + shape).startsWith(route.permission().wireName);
                } else {
                    // Server ingest checks site.manage_data on the site of the body's URL, inside the handler.
                    assertThat(perm.startsWith("site.") && !perm.contains("url host")).as("permission of " + shape)
                            .isFalse();
                }
            }
        }
    }
}
