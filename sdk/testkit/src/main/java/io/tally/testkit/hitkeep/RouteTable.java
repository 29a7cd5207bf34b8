package io.tally.testkit.hitkeep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The routes the fake serves, with the auth mode, rate limiter and site permission HitKeep applies to each. */
final class RouteTable {

    /** Which credentials a route accepts (reference §2.1). */
    enum AuthMode { PUBLIC, TOKEN_OR_SESSION, SESSION_ONLY, TOKEN_ONLY }

    /** HitKeep's rate-limiter families (reference §4.3). */
    enum Limiter { API, INGEST, AUTH }

    interface Handler {
        void handle(Call call) throws IOException;
    }

    record Route(String method, String pattern, String[] segments, AuthMode auth, Limiter limiter,
            SitePermission permission, boolean userBound, Handler handler) {

        int literalSegments() {
            int n = 0;
            for (String s : segments) {
                n += s.startsWith("{") ? 0 : 1;
            }
            return n;
        }

        Map<String, String> match(String[] path) {
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
            return params == null ? Collections.emptyMap() : params;
        }
    }

    record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();

    Spec route(String method, String pattern) {
        return new Spec(method, pattern);
    }

    Match find(String method, String path) {
        String[] parts = split(path);
        Match best = null;
        for (Route r : routes) {
            if (!r.method().equals(method)) {
                continue;
            }
            Map<String, String> params = r.match(parts);
            if (params != null && (best == null || r.literalSegments() > best.route().literalSegments())) {
                best = new Match(r, params);
            }
        }
        return best;
    }

    List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }

    /** Describes one route; {@link #to(Handler)} registers it. */
    final class Spec {
        private final String method;
        private final String pattern;
        private AuthMode auth = AuthMode.TOKEN_OR_SESSION;
        private Limiter limiter = Limiter.API;
        private SitePermission permission;
        private boolean userBound;

        private Spec(String method, String pattern) {
            this.method = method;
            this.pattern = pattern;
        }

        Spec auth(AuthMode mode) {
            this.auth = mode;
            return this;
        }

        Spec limiter(Limiter l) {
            this.limiter = l;
            return this;
        }

        /** The permission checked against the {@code {id}} site of the path. */
        Spec site(SitePermission p) {
            this.permission = p;
            return this;
        }

        /** Team API clients get 401 here after the permission check (reference §2.6). */
        Spec userBound() {
            this.userBound = true;
            return this;
        }

        void to(Handler handler) {
            routes.add(new Route(method, pattern, split(pattern), auth, limiter, permission, userBound, handler));
        }
    }
}
