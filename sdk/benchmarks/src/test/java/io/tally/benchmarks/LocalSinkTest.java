package io.tally.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.benchmarks.LocalSink.Route;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalSinkTest {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private LocalSink sink;

    @BeforeEach
    void start() {
        sink = LocalSink.start();
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void countsAltertableArraysAndSingleObjects() throws Exception {
        HttpResponse<String> batch = post("/track", "[{\"event\":\"a\"},{\"event\":\"b\"},{\"event\":\"c\"}]");
        HttpResponse<String> single = post("/identify", "{\"distinct_id\":\"u\",\"traits\":{\"plan\":\"pro\"}}");

        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(batch.body()).isEqualTo("{\"ok\":true,\"error_code\":null}");
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(sink.events(Route.ALTERTABLE)).isEqualTo(4);
        assertThat(sink.requests(Route.ALTERTABLE)).isEqualTo(2);
    }

    @Test
    void countsTheBatchFieldOfSegmentBodies() throws Exception {
        HttpResponse<String> response = post(
                "/v1/import/",
                "{\"context\":{\"library\":{\"name\":\"analytics-java\"}},"
                        + "\"batch\":[{\"type\":\"track\",\"properties\":{\"n\":[1,2]}},{\"type\":\"track\"}],"
                        + "\"sentAt\":\"2026-01-01T00:00:00Z\"}");

        assertThat(response.body()).isEqualTo("{\"success\":true}");
        assertThat(sink.events(Route.SEGMENT)).isEqualTo(2);
        assertThat(sink.events(Route.ALTERTABLE)).isZero();
    }

    @Test
    void inflatesGzipPostHogBodies() throws Exception {
        byte[] body = gzip("{\"api_key\":\"phc\",\"batch\":[{\"event\":\"a\"},{\"event\":\"b\"}]}");
        HttpRequest request = HttpRequest.newBuilder(sink.baseUrl().resolve("/batch"))
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .POST(BodyPublishers.ofByteArray(body))
                .build();

        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("{\"status\":1}");
        assertThat(sink.events(Route.POSTHOG)).isEqualTo(2);
    }

    @Test
    void readsChunkedBodies() throws Exception {
        byte[] body = "[{\"event\":\"a\"},{\"event\":\"b\"}]".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(sink.baseUrl().resolve("/track"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sink.events(Route.ALTERTABLE)).isEqualTo(2);
    }

    @Test
    void servesManyRequestsOnOneConnection() throws Exception {
        for (int i = 0; i < 50; i++) {
            post("/track", "[{\"event\":\"a\"}]");
        }

        assertThat(sink.events(Route.ALTERTABLE)).isEqualTo(50);
    }

    @Test
    void rejectsMalformedBodiesWithoutCountingThem() throws Exception {
        HttpResponse<String> truncated = post("/track", "[{\"event\":\"a\"}");
        HttpResponse<String> noBatch = post("/v1/import/", "{\"messages\":[]}");

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(noBatch.statusCode()).isEqualTo(400);
        assertThat(sink.malformedRequests()).isEqualTo(2);
        assertThat(sink.events(Route.ALTERTABLE)).isZero();
        assertThat(sink.events(Route.SEGMENT)).isZero();
    }

    @Test
    void answersOtherPathsWithAnEmptyObjectAndRemembersThem() throws Exception {
        HttpResponse<String> response = post("/flags/?v=2", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(sink.unexpectedPaths()).containsExactly("POST /flags/");
    }

    @Test
    void holdsRequestsWhileBlockedAndCountsThemOnceReleased() throws Exception {
        sink.block();
        CompletableFuture<HttpResponse<String>> pending = http
                .sendAsync(request("/track", "[{\"event\":\"a\"},{\"event\":\"b\"}]"), BodyHandlers.ofString());
        awaitHeldRequests(1);

        assertThat(sink.events(Route.ALTERTABLE)).isZero();
        assertThat(pending).isNotDone();

        sink.unblock();

        assertThat(pending.get().statusCode()).isEqualTo(200);
        assertThat(sink.events(Route.ALTERTABLE)).isEqualTo(2);
    }

    @Test
    void resetZeroesTheCounters() throws Exception {
        post("/track", "[{\"event\":\"a\"}]");

        sink.reset();

        assertThat(sink.events(Route.ALTERTABLE)).isZero();
        assertThat(sink.requests(Route.ALTERTABLE)).isZero();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(request(path, json), BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String json) {
        return HttpRequest.newBuilder(URI.create(sink.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json))
                .build();
    }

    /** Waits for the request to reach the sink's gate: polls a counter, never a fixed sleep. */
    private void awaitHeldRequests(long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sink.heldRequests() < expected) {
            assertThat(System.nanoTime()).as("request reached the sink").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
