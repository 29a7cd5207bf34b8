package io.tally.engagetrack;

import io.tally.core.spi.ResponseReader;

/**
 * A request with no optional inputs of its own (besides the per-request options every request has).
 *
 * @param <T> what the request returns
 */
public final class EngageTrackCall<T> extends EngageTrackRequest<T, EngageTrackCall<T>> {
    EngageTrackCall(EngageTrack client, String method, String pathTemplate, RouteAuth auth, ResponseReader<T> reader,
            Object... pathValues) {
        super(client, method, pathTemplate, auth, pathValues, reader);
    }

    EngageTrackCall<T> body(Object value) {
        return jsonBody(value);
    }

    /** An already-serialised JSON body (the queued sender's records). */
    EngageTrackCall<T> rawJson(byte[] json) {
        return rawBody(okhttp3.RequestBody.create(json, JSON));
    }

    private static final okhttp3.MediaType JSON = okhttp3.MediaType.get("application/json; charset=utf-8");
}
