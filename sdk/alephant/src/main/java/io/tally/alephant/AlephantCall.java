package io.tally.alephant;

import io.tally.core.spi.ResponseReader;

/**
 * A request to an Alephant route that takes no optional parameters.
 *
 * @param <T> what the request returns
 */
public final class AlephantCall<T> extends AlephantRequest<T, AlephantCall<T>> {
    AlephantCall(Alephant client, Host host, Access access, String method, String pathTemplate, Object[] pathValues,
            ResponseReader<T> reader) {
        super(client, host, access, method, pathTemplate, pathValues, reader);
    }

    /** Sends {@code body} as JSON; for the write routes. */
    AlephantCall<T> body(Object body) {
        return jsonBody(body);
    }
}
