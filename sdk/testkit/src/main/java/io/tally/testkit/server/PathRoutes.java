package io.tally.testkit.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fake's route table: method and path template ({@code /api/sites/{id}/goals}) to whatever the fake attaches to a
 * route (a handler, a record of its rules). The most specific template wins: among the templates that match, the
 * one with the most literal segments. Not thread-safe while routes are added; safe to share once built.
 *
 * @param <H> what each route carries
 */
public final class PathRoutes<H> {
    private final List<Route<H>> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @throws IllegalArgumentException if the method is blank, the template does not start with {@code /}, or the
     *     value is {@code null}
     */
    public PathRoutes<H> add(String method, String template, H value) {
        if (method == null || method.trim().isEmpty()) {
            throw new IllegalArgumentException("method must be an HTTP method such as GET");
        }
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /, got: " + template);
        }
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
        routes.add(new Route<>(method.toUpperCase(Locale.ROOT), template, split(template), value));
        return this;
    }

    /** The best route for this method and decoded path, or {@code null} when none matches. */
    public @Nullable Match<H> find(String method, String path) {
        String[] parts = split(path);
        Match<H> best = null;
        for (Route<H> r : routes) {
            if (!r.method.equals(method)) {
                continue;
            }
            Map<String, String> params = r.match(parts);
            if (params != null && (best == null || r.literalSegments > best.route.literalSegments)) {
                best = new Match<>(r, params);
            }
        }
        return best;
    }

    /** Whether some route, of any method, matches this path (to tell 405 from 404). */
    public boolean matchesPath(String path) {
        String[] parts = split(path);
        for (Route<H> r : routes) {
            if (r.match(parts) != null) {
                return true;
            }
        }
        return false;
    }

    /** Every route, in the order added. */
    public List<Route<H>> routes() {
        return Collections.unmodifiableList(routes);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }

    /**
     * One route.
     *
     * @param <H> what the route carries
     */
    public static final class Route<H> {
        private final String method;
        private final String template;
        private final String[] segments;
        private final int literalSegments;
        private final H value;

        private Route(String method, String template, String[] segments, H value) {
            this.method = method;
            this.template = template;
            this.segments = segments;
            this.value = value;
            int n = 0;
            for (String s : segments) {
                n += s.startsWith("{") ? 0 : 1;
            }
            this.literalSegments = n;
        }

        /** The method, upper case. */
        public String method() {
            return method;
        }

        /** The path template, e.g. {@code /api/sites/{id}}. */
        public String template() {
            return template;
        }

        /** What the route carries. */
        public H value() {
            return value;
        }

        private @Nullable Map<String, String> match(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> params = null;
            for (int i = 0; i < path.length; i++) {
                String s = segments[i];
                if (s.startsWith("{")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    if (params == null) {
                        params = new LinkedHashMap<>();
                    }
                    params.put(s.substring(1, s.length() - 1), path[i]);
                } else if (!s.equals(path[i])) {
                    return null;
                }
            }
            return params == null ? Collections.emptyMap() : Collections.unmodifiableMap(params);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * A route that matched, with the path's values for the template's parameters.
     *
     * @param <H> what the route carries
     */
    public static final class Match<H> {
        private final Route<H> route;
        private final Map<String, String> params;

        private Match(Route<H> route, Map<String, String> params) {
            this.route = route;
            this.params = params;
        }

        /** The route. */
        public Route<H> route() {
            return route;
        }

        /** What the route carries. */
        public H value() {
            return route.value;
        }

        /** The path parameters by name, e.g. {@code id} for {@code {id}}. */
        public Map<String, String> params() {
            return params;
        }
    }
}
