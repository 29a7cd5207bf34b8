package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.RecordedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FakeAltertable} answers as the reference mock does (spec §10). */
class FakeAltertableTest {
    private static final String TRACK = "{\"environment\":\"production\",\"event\":\"E\",\"distinct_id\":\"u\",\"properties\":{}}";

    private final FakeAltertable fake = FakeAltertable.builder().apiKeys("pk_a", "pk_b")
            .environments("production", "staging").start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> track(String body) throws IOException, InterruptedException {
        return post("/track", body, "X-API-Key", "pk_a", "Content-Type", "application/json");
    }

    @Test
    void acceptsAnObjectOrAnArrayAndAnswersLikeTheMock() throws Exception {
        HttpResponse<String> one = track(TRACK);
        HttpResponse<String> two = post("/identify",
                "[{\"environment\":\"staging\",\"distinct_id\":\"u\",\"traits\":{\"a\":1}},"
                        + "{\"environment\":\"production\",\"distinct_id\":\"v\"}]",
                "X-API-Key", "pk_b", "Content-Type",
                "application/json; charset=utf-8");
        HttpResponse<String> alias = post("/alias",
                "{\"environment\":\"production\",\"distinct_id\":\"u\",\"new_user_id\":\"w\"}",
                "Authorization", "Bearer pk_a", "Content-Type", "application/json");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("{\"ok\":true,\"error_code\":null}");
        assertThat(two.statusCode()).isEqualTo(200);
        assertThat(alias.statusCode()).isEqualTo(200);
        assertThat(fake.tracks()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("E");
            assertThat(e.distinctId()).isEqualTo("u");
            assertThat(e.payload().get("properties")).isEqualTo(java.util.Collections.emptyMap());
            assertThat(e.requestNumber()).isEqualTo(1);
        });
        assertThat(fake.identifies()).extracting(RecordedEvent::environment).containsExactly("staging", "production");
        assertThat(fake.aliases()).extracting(e -> e.string("new_user_id")).containsExactly("w");
        assertThat(fake.events()).hasSize(4);
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    @Test
    void authenticationFollowsTheMocksRules() throws Exception {
        assertThat(post("/track", TRACK, "Content-Type", "application/json").statusCode()).isEqualTo(401);
        HttpResponse<String> wrongKey = post("/track", TRACK, "X-API-Key", "pk_wrong", "Authorization", "Bearer pk_a",
                "Content-Type", "application/json");
        assertThat(wrongKey.statusCode()).as("X-API-Key is checked first").isEqualTo(401);
        assertThat(wrongKey.body()).isEmpty();
        assertThat(
                post("/track", TRACK, "Authorization", "bearer pk_a", "Content-Type", "application/json").statusCode())
                .as("the Bearer prefix is case-sensitive").isEqualTo(401);
        assertThat(
                post("/track", TRACK, "Authorization", "Bearer pk_b", "Content-Type", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(post("/track?apiKey=pk_a", TRACK, "Content-Type", "application/json").statusCode())
                .as("no query-parameter key").isEqualTo(401);
        assertThat(post("/track", "{not json", "X-API-Key", "pk_wrong").statusCode())
                .as("auth runs before the body is read").isEqualTo(401);
    }

    @Test
    void contentTypeJsonAndRequiredFieldsAreChecked() throws Exception {
        HttpResponse<String> noType = post("/track", TRACK, "X-API-Key", "pk_a");
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(noType.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");

        HttpResponse<String> malformed = track("{\"event\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");

        assertThat(track("{\"environment\":\"production\",\"properties\":{}}").statusCode()).isEqualTo(422);
        assertThat(track("{\"environment\":\"production\",\"event\":\"E\",\"properties\":null}").statusCode())
                .isEqualTo(422);
        assertThat(track("{\"environment\":\"production\",\"event\":\"E\",\"properties\":[]}").statusCode())
                .isEqualTo(422);
        assertThat(track("{\"event\":\"E\",\"properties\":{}}").statusCode()).as("environment is required")
                .isEqualTo(422);
        assertThat(track("{\"environment\":\"production\",\"event\":7,\"properties\":{}}").statusCode()).isEqualTo(422);
        assertThat(track("\"text\"").statusCode()).isEqualTo(422);
        assertThat(post("/identify", "{\"environment\":\"production\"}", "X-API-Key", "pk_a", "Content-Type",
                "application/json").statusCode()).isEqualTo(422);
        assertThat(post("/alias", "{\"environment\":\"production\",\"distinct_id\":\"u\"}", "X-API-Key", "pk_a",
                "Content-Type", "application/json").statusCode()).isEqualTo(422);
        assertThat(track("[" + TRACK + ",{\"environment\":\"production\"}]").statusCode())
                .as("a batch that does not deserialize stores nothing").isEqualTo(422);
        assertThat(fake.events()).isEmpty();
    }

    @Test
    void aBatchStopsAtTheFirstFailureAndKeepsWhatCameBefore() throws Exception {
        HttpResponse<String> response = track("[" + TRACK + ","
                + "{\"environment\":\"nope\",\"event\":\"F\",\"properties\":{}}," + TRACK + "]");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"ok\":false,\"error_code\":\"environment-not-found\"}");
        assertThat(fake.tracks()).hasSize(1);

        HttpResponse<String> badTime = track("{\"environment\":\"production\",\"event\":\"E\",\"properties\":{},"
                + "\"timestamp\":\"yesterday\"}");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("insert-failed");
        assertThat(
                track("{\"environment\":\"production\",\"event\":\"E\",\"properties\":{},\"timestamp\":1700000000000}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void otherRoutesAndMethods() throws Exception {
        assertThat(post("/events", TRACK, "X-API-Key", "pk_a").statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/track")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void faultsArePlayedInOrderThenNormalService() throws Exception {
        fake.failNext(Fault.serverError()).failNext(Fault.rateLimited(Duration.ofMillis(1500)))
                .failNext(Fault.dropConnection())
                .failNext(Fault.delay(Duration.ofMillis(20))).failNext(Fault.dropConnectionAfterStoring());
        assertThat(fake.pendingFaults()).isEqualTo(5);

        HttpResponse<String> error = track(TRACK);
        assertThat(error.statusCode()).isEqualTo(503);
        assertThat(error.body()).contains("internal-error");
        HttpResponse<String> limited = track(TRACK);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThatThrownBy(() -> track(TRACK)).isInstanceOf(IOException.class);
        assertThat(fake.events()).isEmpty();
        assertThat(track(TRACK).statusCode()).as("slow, then normal").isEqualTo(200);
        assertThatThrownBy(() -> track(TRACK)).isInstanceOf(IOException.class);
        assertThat(fake.events()).as("stored before the connection was dropped").hasSize(2);
        assertThat(track(TRACK).statusCode()).isEqualTo(200);

        assertThat(fake.requests()).extracting(r -> r.status()).containsExactly(503, 429, 0, 200, 0, 200);
        assertThat(fake.requests().get(2).fault()).get().extracting(Fault::kind)
                .isEqualTo(Fault.Kind.DROP_BEFORE_STORING);
        assertThat(fake.awaitEvents(3, Duration.ofSeconds(1))).isTrue();

        fake.reset();
        assertThat(fake.events()).isEmpty();
        assertThat(fake.requestCount()).isZero();
        assertThat(fake.awaitEvents(1, Duration.ofMillis(10))).isFalse();
    }

    @Test
    void faultsAreValidated() {
        assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.failNext(-1, Fault.serverError())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeAltertable.builder().apiKeys(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
