package io.tally.alephant.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The routes of {@code alephant-routes.tsv}, the module's own copy of the reference's route facts. */
final class AlephantRouteFacts {
    static final String RESOURCE = "/alephant-routes.tsv";

    private AlephantRouteFacts() {}

    /** One route: method, path template, surface, credentials. */
    static final class Route {
        final String method;
        final String path;
        final String surface;
        final String credentials;

        Route(String method, String path, String surface, String credentials) {
            this.method = method;
            this.path = path;
            this.surface = surface;
            this.credentials = credentials;
        }

        String key() {
            return method + " " + path;
        }
    }

    static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        try (InputStream in = AlephantRouteFacts.class.getResourceAsStream(RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.trim().isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                routes.add(new Route(cols[0], cols[1], cols[2], cols[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(routes);
    }
}
