package io.tally.testkit.hitkeep;

import com.sun.net.httpserver.HttpExchange;
import io.tally.testkit.hitkeep.RouteTable.Match;
import io.tally.testkit.hitkeep.RouteTable.Route;
import io.tally.testkit.server.FakeExchange;
import io.tally.testkit.server.FakeServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Serves every request in HitKeep's order: cross-origin check, route, rate limit, credentials, site permission, the
 * team-client check of user-bound routes, then the handler. The {@link FakeServer} underneath has read the body,
 * played any queued fault and records the request with its status just before the answer goes out. (Called
 * {@code Dispatcher} before 0.1.0, a name the Altertable SDK and OkHttp also use.)
 */
final class HitKeepExchangeHandler implements FakeServer.Handler {
    private static final Logger LOG = Logger.getLogger(FakeHitKeep.class.getName());
    /** HitKeep's request-body limit for JSON routes. */
    static final int MAX_BODY = 1 << 20;
    private static final Set<String> SAFE_METHODS = new HashSet<>(Arrays.asList("GET", "HEAD", "OPTIONS", "TRACE"));
    private static final Pattern AI_FETCH_INGEST = Pattern.compile("^/api/sites/[^/]+/ingest/ai-fetch$");
    /** Writes that need no matching Origin (reference §4.4). */
    private static final Set<String> ORIGIN_EXEMPT = new HashSet<>(Arrays.asList(
            "/api/ingest/server/pageview", "/api/ingest/server/event", "/api/cloud/webhooks/stripe"));
    /** Routes a cross-site {@code Sec-Fetch-Site} does not block. */
    private static final Set<String> FETCH_SITE_EXEMPT = new HashSet<>(Arrays.asList(
            "/api/ingest/server/pageview", "/api/ingest/server/event", "/api/cloud/webhooks/stripe",
            "/api/cloud/signup/verify", "/api/auth/mfa/email-link/verify",
            "/api/integrations/google-search-console/oauth/callback"));

    private final FakeState state;
    private final RouteTable routes;

    HitKeepExchangeHandler(FakeState state, RouteTable routes) {
        this.state = state;
        this.routes = routes;
    }

    @Override
    public void handle(FakeExchange fx) throws IOException {
        HttpExchange exchange = fx.http();
        Call call = new Call(exchange, fx.body(), clientIp(exchange), fx.receivedAt(), state.json, fx::recordStatus);
        try {
            dispatch(call);
        } catch (HttpError e) {
            if (!call.responded()) {
                call.error(e.status, e.getMessage());
            }
        } catch (IOException e) {
            // The client went away mid-response (an abandoned stream); nothing left to tell it.
            LOG.log(Level.FINE, "FakeHitKeep: I/O error on " + call.method + " " + call.path, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FakeHitKeep: handler failed on " + call.method + " " + call.path, e);
            if (!call.responded()) {
                call.error(500, "Internal server error");
            }
        } finally {
            exchange.close();
        }
    }

    private void dispatch(Call call) throws IOException {
        if (state.config.originCheck() && call.path.startsWith("/api/")) {
            crossOriginCheck(call);
        }
        Match match = routes.find(call.method, call.path);
        if (match == null) {
            throw HttpError.notFound();
        }
        Route route = match.route();
        call.pathParams = match.params();
        if (state.limiter != null && route.limiter() != null
                && !state.limiter.tryAcquire(call.clientIp + "|" + route.limiter())) {
            throw new HttpError(429, "Too Many Requests");
        }
        authenticate(call, route);
        if (route.permission() != null) {
            String siteId = call.pathParam("id");
            if (!Labels.isUuid(siteId)) {
                throw HttpError.badRequest("Invalid site ID");
            }
            state.access.require(call.principal(), siteId, route.permission());
            call.site = state.site(siteId);
            if (call.site == null) {
                throw new HttpError(404, "Site not found");
            }
        }
        if (route.userBound()) {
            AccessControl.ApiToken token = call.principal().token;
            if (token != null && token.team()) {
                throw HttpError.unauthorized();
            }
        }
        route.handler().handle(call);
    }

    private void authenticate(Call call, Route route) {
        boolean secure = state.secureCookies();
        switch (route.auth()) {
            case PUBLIC -> call.principal = state.access.sessionPrincipal(call, secure);
            case SESSION_ONLY -> {
                call.principal = state.access.sessionPrincipal(call, secure);
                if (call.principal == null) {
                    throw HttpError.unauthorized();
                }
            }
            case TOKEN_ONLY -> {
                call.principal = state.access.tokenPrincipal(call);
                if (call.principal == null) {
                    throw HttpError.unauthorized();
                }
            }
            case TOKEN_OR_SESSION -> {
                // A valid session wins; only then is a token looked at (reference §2.1).
                AccessControl.Principal session = state.access.sessionPrincipal(call, secure);
                call.principal = session != null ? session : state.access.tokenPrincipal(call);
                if (call.principal == null) {
                    throw HttpError.unauthorized();
                }
            }
        }
    }

    /** HitKeep ≤ 2.11: unsafe {@code /api/} requests need an Origin (or Referer) equal to the public URL's. */
    private void crossOriginCheck(Call call) {
        String fetchSite = call.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            if (!fetchSite.trim().equalsIgnoreCase("same-origin") && !FETCH_SITE_EXEMPT.contains(call.path)) {
                throw HttpError.notFound();
            }
            return;
        }
        if (SAFE_METHODS.contains(call.method) || ORIGIN_EXEMPT.contains(call.path)
                || AI_FETCH_INGEST.matcher(call.path).matches()) {
            return;
        }
        String origin = call.header("Origin");
        if (origin == null || origin.trim().isEmpty()) {
            origin = call.header("Referer");
        }
        String expected = state.publicOrigin;
        if (origin == null || !expected.equals(originOf(origin))) {
            throw HttpError.notFound();
        }
    }

    /** {@code scheme://host[:port]}, lower-cased, default ports dropped; {@code null} if not a URL. */
    static @Nullable String originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The client IP the way HitKeep derives it when every proxy is trusted (its default). */
    private static String clientIp(HttpExchange exchange) {
        for (String header : List.of("CF-Connecting-IP", "Fastly-Client-IP", "X-Real-IP")) {
            String v = exchange.getRequestHeaders().getFirst(header);
            if (v != null && !v.trim().isEmpty()) {
                return v.trim();
            }
        }
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && !forwarded.trim().isEmpty()) {
            return forwarded.split(",")[0].trim();
        }
        return remoteAddress(exchange);
    }

    private static String remoteAddress(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "" : remote.getAddress().getHostAddress();
    }
}
