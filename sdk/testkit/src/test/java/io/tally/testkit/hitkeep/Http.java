package io.tally.testkit.hitkeep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A tiny HTTP client for the fake's own tests (plain OkHttp, no SDK). */
final class Http {
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(20))
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
    private static final MediaType JSON = MediaType.get("application/json");

    record Reply(int status, Headers headers, byte[] bytes) {
        String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }

        List<String> headers(String name) {
            return headers.values(name);
        }
    }

    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Http(FakeHitKeep fake) {
        this(fake.baseUrl());
    }

    Reply get(String path, String... headers) {
        return send(new Request.Builder().url(baseUrl + path).get(), headers);
    }

    Reply post(String path, String json, String... headers) {
        return send(new Request.Builder().url(baseUrl + path).post(RequestBody.create(json, JSON)), headers);
    }

    Reply delete(String path, String... headers) {
        return send(new Request.Builder().url(baseUrl + path).delete(), headers);
    }

    Reply send(Request.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        try (Response response = CLIENT.newCall(request.build()).execute()) {
            return new Reply(response.code(), response.headers(), response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
