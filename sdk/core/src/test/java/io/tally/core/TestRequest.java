package io.tally.core;

import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ResponseReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request type for driving the transport from tests: any method, any route, and the protected
 * builder methods of {@link ApiRequest} opened up.
 */
final class TestRequest<T> extends ApiRequest<T, TestRequest<T>> {
    TestRequest(ClientContext context, String method, String pathTemplate, ResponseReader<T> reader,
            Object... pathValues) {
        super(context, method, pathTemplate, pathValues, reader);
    }

    /** A request whose response body is returned as text. */
    static TestRequest<String> text(ClientContext context, String method, String pathTemplate, Object... pathValues) {
        return new TestRequest<>(context, method, pathTemplate, ResponseReader.text(), pathValues);
    }

    /** A request whose response body is read as a JSON tree (unwrapped from the provider's envelope). */
    static TestRequest<JsonNode> json(ClientContext context, String method, String pathTemplate, Object... pathValues) {
        return new TestRequest<>(context, method, pathTemplate, context.json(JsonNode.class), pathValues);
    }

    TestRequest<T> param(String name, Object value) {
        return query(name, value);
    }

    TestRequest<T> addParam(String name, Object value) {
        return addQuery(name, value);
    }

    TestRequest<T> body(Object value) {
        return jsonBody(value);
    }

    TestRequest<T> routeHeader(String name, String value) {
        return endpointHeader(name, value);
    }

    TestRequest<T> markSafeToRetry() {
        return safeToRetry();
    }

    TestRequest<T> rule(io.tally.core.spi.RouteCredentials rule) {
        return routeCredentials(rule);
    }

    T withQuery(Map<String, String> overrides) {
        return executeWithQuery(overrides);
    }
}
