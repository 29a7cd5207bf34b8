package io.tally.hitkeep.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The routes HitKeep 2.8.1 registers, read from the project's own test resource {@code hitkeep-routes.tsv} (its
 * header says what each column means and how the file was made): the route tests need nothing outside the
 * repository.
 */
final class HitKeepRouteFacts {
    static final String RESOURCE = "/hitkeep-routes.tsv";

    /** One route: method, path template, accepted credentials, permission, limiter, required query parameters. */
    record Route(String method, String path, String auth, String permission, String limiter,
            List<String> requiredQuery) {
        String key() {
            return method + " " + path;
        }
    }

    private HitKeepRouteFacts() {}

    static List<Route> all() {
        InputStream in = HitKeepRouteFacts.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the test class path");
        }
        List<Route> routes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": expected 6 tab-separated columns, got "
                            + f.length);
                }
                List<String> query = f[5].equals("-") ? Collections.emptyList() : Arrays.asList(f[5].split(","));
                routes.add(new Route(f[0], f[1], f[2], f[3], f[4], Collections.unmodifiableList(query)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(routes);
    }
}
