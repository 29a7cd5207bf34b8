package io.tally.hitkeep;

import io.tally.core.spi.ResponseReader;
import org.jspecify.annotations.Nullable;

/**
 * A HitKeep request with no optional inputs of its own: its path values and body are given when it
 * is created. Per-request options (timeout, retries, headers) still apply.
 *
 * @param <T> what the request returns
 */
public final class HitKeepCall<T> extends HitKeepRequest<T, HitKeepCall<T>> {
    HitKeepCall(HitKeep client, String method, String pathTemplate, RouteAuth auth, Object[] pathValues,
            ResponseReader<T> reader) {
        super(client, method, pathTemplate, auth, pathValues, reader);
    }

    /** Sets the JSON body. */
    HitKeepCall<T> body(Object body) {
        if (body != null) {
            jsonBody(body);
        }
        return this;
    }

    /** Sets a query parameter; {@code null} leaves it out. */
    HitKeepCall<T> param(String name, @Nullable Object value) {
        query(name, value);
        return this;
    }
}
