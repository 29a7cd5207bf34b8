package io.tally.testkit.hitkeep;

import io.tally.testkit.server.PathRoutes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The routes the fake serves (on the testkit's {@link PathRoutes}), with the auth mode, rate limiter and site
 * permission HitKeep applies to each.
 */
final class RouteTable {

    /** Which credentials a route accepts (reference §2.1). */
    enum AuthMode {
        PUBLIC, TOKEN_OR_SESSION, SESSION_ONLY, TOKEN_ONLY
    }

    /** HitKeep's rate-limiter families (reference §4.3). */
    enum Limiter {
        API, INGEST, AUTH
    }

    interface Handler {
        void handle(Call call) throws IOException;
    }

    record Route(String method, String pattern, AuthMode auth, @Nullable Limiter limiter,
            @Nullable SitePermission permission, boolean userBound, Handler handler) {}

    record Match(Route route, Map<String, String> params) {}

    private final PathRoutes<Route> routes = new PathRoutes<>();

    Spec route(String method, String pattern) {
        return new Spec(method, pattern);
    }

    @Nullable
    Match find(String method, String path) {
        PathRoutes.Match<Route> match = routes.find(method, path);
        return match == null ? null : new Match(match.value(), match.params());
    }

    List<Route> routes() {
        List<Route> all = new ArrayList<>();
        for (PathRoutes.Route<Route> r : routes.routes()) {
            all.add(r.value());
        }
        return Collections.unmodifiableList(all);
    }

    /** Describes one route; {@link #to(Handler)} registers it. */
    final class Spec {
        private final String method;
        private final String pattern;
        private AuthMode auth = AuthMode.TOKEN_OR_SESSION;
        private @Nullable Limiter limiter = Limiter.API;
        private @Nullable SitePermission permission;
        private boolean userBound;

        private Spec(String method, String pattern) {
            this.method = method;
            this.pattern = pattern;
        }

        Spec auth(AuthMode mode) {
            this.auth = mode;
            return this;
        }

        Spec limiter(@Nullable Limiter l) {
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
            routes.add(method, pattern, new Route(method, pattern, auth, limiter, permission, userBound, handler));
        }
    }
}
