package io.tally.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The base every fake runs on: faults of every kind, the bounded request log, body limits, handler failures. */
class FakeServerTest {
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(20))
            .build();

    private final AtomicInteger handled = new AtomicInteger();
    private FakeServer server;

    @BeforeEach
    void start() {
        server = FakeServer.builder("fake-test")
                .errorBodies(status -> ErrorBody.json("{\"error\":\"e" + status + "\"}"))
                .start(exchange -> {
                    handled.incrementAndGet();
                    byte[] answer = ("hello " + exchange.path()).getBytes(StandardCharsets.UTF_8);
                    exchange.respond(200, "text/plain", answer);
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response get(String path) throws IOException {
        return CLIENT.newCall(new Request.Builder().url(server.url(path)).build()).execute();
    }

    private String bodyOf(String path) throws IOException {
        try (Response r = get(path)) {
            return r.code() + " " + r.body().string();
        }
    }

    @Test
    void statusFaultAnswersWithTheFakesErrorBodyInsteadOfTheHandlerAndIsRecorded() throws IOException {
        server.failNext(Fault.status(502));
        try (Response r = get("/a")) {
            assertThat(r.code()).isEqualTo(502);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.body().string()).isEqualTo("{\"error\":\"e502\"}");
        }
        assertThat(bodyOf("/b")).isEqualTo("200 hello /b");

        assertThat(handled).hasValue(1);
        List<RecordedExchange> requests = server.requests();
        assertThat(requests).extracting(RecordedExchange::status).containsExactly(502, 200);
        assertThat(requests.get(0).fault()).get().extracting(Fault::kind).isEqualTo(Fault.Kind.STATUS);
        assertThat(requests.get(1).fault()).isEmpty();
        assertThat(requests).extracting(RecordedExchange::number).containsExactly(1L, 2L);
    }

    @Test
    void rateLimitSendsRetryAfterInWholeSecondsRoundedUpAndFaultsPlayInOrder() throws IOException {
        server.failNext(Fault.rateLimited(Duration.ofMillis(1500))).failNext(Fault.none())
                .failNext(Fault.rateLimited());
        assertThat(server.pendingFaults()).isEqualTo(3);
        try (Response r = get("/")) {
            assertThat(r.code()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("2");
            assertThat(r.body().string()).isEqualTo("{\"error\":\"e429\"}");
        }
        assertThat(bodyOf("/x")).isEqualTo("200 hello /x");
        try (Response r = get("/")) {
            assertThat(r.code()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isNull();
        }
        assertThat(server.pendingFaults()).isZero();
    }

    @Test
    void aFaultCanCarryItsOwnBodyAndHeaders() throws IOException {
        server.failNext(2, Fault.status(422, ErrorBody.text("no\n")).withHeader("X-Request-Id", "req-1"));
        for (int i = 0; i < 2; i++) {
            try (Response r = get("/")) {
                assertThat(r.code()).isEqualTo(422);
                assertThat(r.header("Content-Type")).startsWith("text/plain");
                assertThat(r.header("X-Request-Id")).isEqualTo("req-1");
                assertThat(r.body().string()).isEqualTo("no\n");
            }
        }
        assertThat(handled).hasValue(0);
    }

    @Test
    void droppedConnectionGivesNoAnswerAndTheHandlerNeverRuns() {
        server.failNext(Fault.dropConnection());
        assertThatThrownBy(() -> get("/").close()).isInstanceOf(IOException.class);
        assertThat(handled).hasValue(0);
        assertThat(server.lastRequest().status()).isZero();
        assertThat(server.lastRequest().toString()).contains("dropped");
    }

    @Test
    void dropAfterHandlingRunsTheHandlerThenGivesNoAnswer() {
        server.failNext(Fault.dropConnectionAfterHandling());
        assertThatThrownBy(() -> get("/").close()).isInstanceOf(IOException.class);
        assertThat(handled).hasValue(1);
        assertThat(server.lastRequest().status()).isZero();
    }

    @Test
    void truncatedBodyAnnouncesTheFullLengthThenCloses() throws IOException {
        server.failNext(Fault.truncatedBody());
        try (Response r = get("/truncated")) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo(String.valueOf("hello /truncated".length()));
            assertThatThrownBy(() -> r.body().string()).isInstanceOf(IOException.class);
        }
        assertThat(server.lastRequest().status()).isEqualTo(200);
        assertThat(bodyOf("/after")).isEqualTo("200 hello /after");
    }

    @Test
    void slowBodyDeliversTheWholeAnswerInChunks() throws IOException {
        server.failNext(Fault.slowBody(4, Duration.ofMillis(5)));
        assertThat(bodyOf("/dripping")).isEqualTo("200 hello /dripping");
    }

    @Test
    void slowBodyTripsTheClientsReadTimeout() {
        OkHttpClient impatient = CLIENT.newBuilder().readTimeout(Duration.ofMillis(100)).build();
        server.failNext(Fault.slowBody(1, Duration.ofSeconds(5)));
        assertThatThrownBy(() -> {
            try (Response r = impatient.newCall(new Request.Builder().url(server.url("/slow")).build()).execute()) {
                r.body().string();
            }
        }).isInstanceOf(InterruptedIOException.class);
    }

    @Test
    void theLogKeepsOnlyTheNewestRequestsAndCountsTheRest() throws IOException {
        try (FakeServer small = FakeServer.builder("fake-small").requestLogCapacity(3)
                .start(exchange -> exchange.respond(204, null, new byte[0]))) {
            for (int i = 1; i <= 10; i++) {
                try (Response r = CLIENT.newCall(new Request.Builder().url(small.url("/r" + i)).build()).execute()) {
                    assertThat(r.code()).isEqualTo(204);
                }
            }
            assertThat(small.requests()).extracting(RecordedExchange::path).containsExactly("/r8", "/r9", "/r10");
            assertThat(small.requestCount()).isEqualTo(10);
            assertThat(small.evictedRequests()).isEqualTo(7);
            assertThat(small.requestLogCapacity()).isEqualTo(3);

            small.clearRequests();
            assertThat(small.requests()).isEmpty();
            assertThat(small.requestCount()).isZero();
            assertThat(small.evictedRequests()).isZero();
        }
    }

    @Test
    void withRecordingOffNothingIsKeptButEverythingIsCounted() throws IOException {
        try (FakeServer quiet = FakeServer.builder("fake-quiet").recordRequests(false)
                .start(exchange -> exchange.respond(200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)))) {
            for (int i = 0; i < 5; i++) {
                try (Response r = CLIENT.newCall(new Request.Builder().url(quiet.url("/")).build()).execute()) {
                    assertThat(r.body().string()).isEqualTo("ok");
                }
            }
            assertThat(quiet.requests()).isEmpty();
            assertThat(quiet.lastRequest()).isNull();
            assertThat(quiet.requestCount()).isEqualTo(5);
            assertThat(quiet.requestLogCapacity()).isZero();
        }
    }

    @Test
    void bodiesAreReadUpToTheLimitPlusOneByte() throws IOException {
        AtomicInteger seen = new AtomicInteger();
        try (FakeServer limited = FakeServer.builder("fake-limited").maxRequestBody(10)
                .start(exchange -> {
                    seen.set(exchange.body().length);
                    exchange.respond(204, null, new byte[0]);
                })) {
            RequestBody big = RequestBody.create(new byte[100_000], MediaType.get("application/octet-stream"));
            try (Response r = CLIENT.newCall(new Request.Builder().url(limited.url("/")).post(big).build()).execute()) {
                assertThat(r.code()).isEqualTo(204);
            }
            assertThat(seen).hasValue(11);
            assertThat(limited.lastRequest().bodyLength()).isEqualTo(11);
        }
    }

    @Test
    void aFailingHandlerAnswers500WithoutAStackTrace() throws IOException {
        try (FakeServer broken = FakeServer.builder("fake-broken").start(exchange -> {
            throw new IllegalStateException("boom at com.example.Secret");
        })) {
            try (Response r = CLIENT.newCall(new Request.Builder().url(broken.url("/")).build()).execute()) {
                assertThat(r.code()).isEqualTo(500);
                assertThat(r.body().string()).isEqualTo("Internal server error\n");
            }
            assertThat(broken.lastRequest().status()).isEqualTo(500);
        }
    }

    @Test
    void recordedRequestsRedactCredentialsInToString() throws IOException {
        Request request = new Request.Builder().url(server.url("/q?a=1"))
                .header("Authorization", "Bearer canary-123456").header("X-API-Key", "canary-key-1").build();
        CLIENT.newCall(request).execute().close();
        RecordedExchange r = server.lastRequest();
        assertThat(r.header("authorization")).isEqualTo("Bearer canary-123456");
        assertThat(r.rawQuery()).isEqualTo("a=1");
        assertThat(r.toString()).contains("GET /q?a=1", "[REDACTED]").doesNotContain("canary");
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> FakeServer.builder(" ")).hasMessageContaining("name");
        assertThatThrownBy(() -> FakeServer.builder("x").requestLogCapacity(-1))
                .hasMessageContaining("requestLogCapacity");
        assertThatThrownBy(() -> FakeServer.builder("x").maxRequestBody(-1)).hasMessageContaining("maxRequestBody");
        assertThatThrownBy(() -> FakeServer.builder("x").port(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> server.failNext(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.failNext(-1, Fault.none())).hasMessageContaining("count");
        assertThatThrownBy(() -> Fault.status(200)).hasMessageContaining("status");
        assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(-1))).hasMessageContaining("delay");
        assertThatThrownBy(() -> Fault.slowBody(0, Duration.ZERO)).hasMessageContaining("chunkBytes");
        assertThatThrownBy(() -> Fault.none().withHeader("X-A", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
    }
}
