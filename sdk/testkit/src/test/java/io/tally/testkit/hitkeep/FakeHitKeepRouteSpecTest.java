package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every route the fake serves is a HitKeep 2.8.1 route (the project's route table) with the same auth mode,
 * permission and rate limiter.
 */
class FakeHitKeepRouteSpecTest {

    /**
     * The project's HitKeep route table, kept with the SDK's route tests (sdk/hitkeep/src/test/resources; its header
     * explains the columns). Surefire runs in the module directory, so it is one module over.
     */
    static Path routeTable() {
        Path table = Paths.get("../hitkeep/src/test/resources/hitkeep-routes.tsv");
        assertThat(table).as("the HitKeep route table beside this module").isRegularFile();
        return table;
    }

    /** Path parameters are named differently in places ({@code {qrID}} vs {@code {qrId}}); compare their shapes. */
    private static String shape(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void everyRouteMatchesHitKeepsRouteTable() throws IOException {
        Map<String, String[]> byShape = new HashMap<>();
        for (String line : Files.readAllLines(routeTable())) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                String[] f = line.split("\t", -1);
                byShape.put(shape(f[0], f[1]), f);
            }
        }
        assertThat(byShape).hasSize(233);

        try (FakeHitKeep fake = Fixtures.builder().start()) {
            assertThat(fake.routeTable().routes()).hasSizeGreaterThan(40);
            for (RouteTable.Route route : fake.routeTable().routes()) {
                String shape = shape(route.method(), route.pattern());
                String[] spec = byShape.get(shape);
                assertThat(spec).as("HitKeep has no route " + shape).isNotNull();

                assertThat(spec[2]).as("auth of " + shape).isEqualTo(route.auth().name());

                String limiter = route.limiter() == null ? "-" : route.limiter().name().toLowerCase();
                assertThat(spec[4]).as("limiter of " + shape).isEqualTo(limiter);

                String perm = spec[3];
                if (route.permission() != null) {
                    assertThat(perm).as("permission of " + shape).startsWith(route.permission().wireName);
                } else {
                    // Server ingest checks site.manage_data on the site of the body's URL, inside the handler.
                    assertThat(perm.startsWith("site.") && !perm.contains("@url-host")).as("permission of " + shape)
                            .isFalse();
                }
            }
        }
    }
}
