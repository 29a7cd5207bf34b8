package io.tally.engagetrack.routes;

import io.tally.core.spi.ApiRequest;
import io.tally.engagetrack.EngageTrack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One EngageTrack route exercised against WireMock: the request built with the SDK, what must be sent, what the
 * server answers and what the parsed result must be.
 */
final class RouteCase {
    final String method;
    final String route;
    Function<EngageTrack, ApiRequest<?, ?>> request;
    String expectedPath;
    final Map<String, List<String>> expectedQuery = new LinkedHashMap<>();
    String expectedJsonBody;
    int status = 200;
    String responseBody = "";
    String responseContentType = "application/json";
    Consumer<Object> check = result -> {};
    boolean session;
    boolean noCredentials;

    private RouteCase(String method, String route) {
        this.method = method;
        this.route = route;
    }

    static RouteCase of(String method, String route) {
        return new RouteCase(method, route);
    }

    RouteCase call(Function<EngageTrack, ApiRequest<?, ?>> request) {
        this.request = request;
        return this;
    }

    RouteCase path(String path) {
        this.expectedPath = path;
        return this;
    }

    RouteCase query(String name, String... values) {
        expectedQuery.put(name, List.of(values));
        return this;
    }

    RouteCase body(String json) {
        this.expectedJsonBody = json;
        return this;
    }

    RouteCase answers(int status, String body) {
        this.status = status;
        this.responseBody = body;
        return this;
    }

    RouteCase answersText(int status, String body) {
        this.status = status;
        this.responseBody = body;
        this.responseContentType = "text/plain";
        return this;
    }

    RouteCase session() {
        this.session = true;
        return this;
    }

    RouteCase noCredentials() {
        this.noCredentials = true;
        return this;
    }

    @SuppressWarnings("unchecked")
    <T> RouteCase check(Consumer<T> check) {
        this.check = result -> check.accept((T) result);
        return this;
    }

    @Override
    public String toString() {
        return method + " " + route;
    }
}
