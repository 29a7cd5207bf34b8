package io.tally.alephant.routes;

import io.tally.alephant.Alephant;
import java.util.function.Consumer;
import java.util.function.Function;

/** One WireMock case: the route, the client that calls it, the request expected, the answer and what the SDK must parse from it. */
final class RouteCase {
    enum Who {
        PAT, JWT, VK, NONE
    }

    final String method;
    final String template;
    final Who who;
    final Function<Alephant, Object> call;
    final String url;
    final String requestBody;
    final String responseBody;
    final Consumer<Object> check;

    RouteCase(String method, String template, Who who, Function<Alephant, Object> call, String url, String requestBody,
            String responseBody, Consumer<Object> check) {
        this.method = method;
        this.template = template;
        this.who = who;
        this.call = call;
        this.url = url;
        this.requestBody = requestBody;
        this.responseBody = responseBody;
        this.check = check;
    }

    boolean analyticsHost() {
        return template.startsWith("/v1/analytics");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
