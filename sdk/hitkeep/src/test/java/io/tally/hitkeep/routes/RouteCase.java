package io.tally.hitkeep.routes;

import io.tally.core.spi.ApiRequest;
import io.tally.hitkeep.HitKeep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One HitKeep route exercised against WireMock: how to build the request with the SDK, what must be
 * sent (method, path, query, headers, body), what the server answers, and what the parsed result
 * must look like. {@link HitKeepRoutesTest} runs every case; {@link HitKeepRouteCoverageTest} checks
 * that every route in hitkeep-routes.tsv has one.
 */
public final class RouteCase {
    final String method;
    final String route;
    Function<HitKeep, ApiRequest<?, ?>> request;
    String expectedPath;
    final Map<String, List<String>> expectedQuery = new LinkedHashMap<>();
    final Map<String, String> expectedHeaders = new LinkedHashMap<>();
    String expectedJsonBody;
    String expectedBodyContains;
    int status = 200;
    String responseBody = "";
    String responseContentType = "application/json";
    final Map<String, String> responseHeaders = new LinkedHashMap<>();
    Consumer<Object> check = result -> {};
    boolean session;
    boolean noCredentials;

    private RouteCase(String method, String route) {
        this.method = method;
        this.route = route;
    }

    public static RouteCase get(String route) {
        return new RouteCase("GET", route);
    }

    public static RouteCase post(String route) {
        return new RouteCase("POST", route);
    }

    public static RouteCase put(String route) {
        return new RouteCase("PUT", route);
    }

    public static RouteCase patch(String route) {
        return new RouteCase("PATCH", route);
    }

    public static RouteCase delete(String route) {
        return new RouteCase("DELETE", route);
    }

    /** How to build the request (not executed here). */
    public RouteCase call(Function<HitKeep, ApiRequest<?, ?>> request) {
        this.request = request;
        return this;
    }

    /** The exact path that must be requested (encoded form). */
    public RouteCase path(String path) {
        this.expectedPath = path;
        return this;
    }

    /** A query parameter that must be sent with exactly these values; unlisted parameters must be absent. */
    public RouteCase query(String name, String... values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            list.add(v);
        }
        expectedQuery.put(name, list);
        return this;
    }

    /** A header that must be sent with this value. */
    public RouteCase header(String name, String value) {
        expectedHeaders.put(name, value);
        return this;
    }

    /** The request body that must be sent, compared as JSON (field order and whitespace ignored). */
    public RouteCase jsonBody(String json) {
        this.expectedJsonBody = json;
        return this;
    }

    /** For non-JSON bodies (multipart): a fragment the body must contain. */
    public RouteCase bodyContains(String fragment) {
        this.expectedBodyContains = fragment;
        return this;
    }

    /** The canned response. */
    public RouteCase respond(int status, String body) {
        this.status = status;
        this.responseBody = body;
        return this;
    }

    public RouteCase respondContentType(String contentType) {
        this.responseContentType = contentType;
        return this;
    }

    public RouteCase respondHeader(String name, String value) {
        responseHeaders.put(name, value);
        return this;
    }

    /** Assertions on the parsed result of {@code execute()}. */
    public RouteCase check(Consumer<Object> check) {
        this.check = Objects.requireNonNull(check);
        return this;
    }

    /** The client carries a dashboard session (for session-only routes). */
    public RouteCase withSession() {
        this.session = true;
        return this;
    }

    /** The request must carry no credentials at all (public and share-token routes). */
    public RouteCase noCredentials() {
        this.noCredentials = true;
        return this;
    }

    public String method() {
        return method;
    }

    public String route() {
        return route;
    }

    @Override
    public String toString() {
        return method + " " + route;
    }
}
