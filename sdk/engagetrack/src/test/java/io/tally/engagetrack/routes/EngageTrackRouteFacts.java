package io.tally.engagetrack.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The route facts in the test resource {@value #RESOURCE}. */
final class EngageTrackRouteFacts {
    static final String RESOURCE = "/engagetrack-routes.tsv";

    record Route(String method, String path, String credentials, String scope) {
        String key() {
            return method + " " + path;
        }
    }

    private EngageTrackRouteFacts() {}

    static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        try (InputStream in = EngageTrackRouteFacts.class.getResourceAsStream(RESOURCE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 4) {
                    throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
                routes.add(new Route(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(routes);
    }
}
