package io.tally.testkit.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** FakeAltertable on the testkit's FakeServer: bounded logs, body limit, and the generic faults. */
class FakeAltertableOnFakeServerTest {
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false).callTimeout(Duration.ofSeconds(20)).build();
    private static final MediaType JSON = MediaType.get("application/json");

    private static int track(FakeAltertable fake, String event) throws IOException {
        String body = "{\"event\":\"" + event + "\",\"environment\":\"production\",\"properties\":{}}";
        Request request = new Request.Builder().url(fake.baseUrl() + "/track")
                .header("X-API-Key", fake.apiKey()).post(RequestBody.create(body, JSON)).build();
        try (Response r = CLIENT.newCall(request).execute()) {
            r.body().string();
            return r.code();
        }
    }

    @Test
    void requestsAndStoredPayloadsAreBoundedButCounted() throws Exception {
        try (FakeAltertable fake = FakeAltertable.builder().requestLogCapacity(2).eventLogCapacity(3).start()) {
            for (int i = 1; i <= 5; i++) {
                assertThat(track(fake, "E" + i)).isEqualTo(200);
            }
            assertThat(fake.tracks()).extracting(e -> e.payload().get("event")).containsExactly("E3", "E4", "E5");
            assertThat(fake.awaitEvents(5, Duration.ZERO)).isTrue();
            assertThat(fake.requests()).extracting(RecordedRequest::number).containsExactly(4, 5);
            assertThat(fake.requestCount()).isEqualTo(5);
            assertThat(fake.server().evictedRequests()).isEqualTo(3);
        }
    }

    @Test
    void anOversizedBodyGets413AndIsNotStored() throws IOException {
        try (FakeAltertable fake = FakeAltertable.builder().maxRequestBody(20).start()) {
            assertThat(track(fake, "a-rather-long-event-name")).isEqualTo(413);
            assertThat(fake.events()).isEmpty();
        }
    }

    @Test
    void genericFaultsPlayAndAltertableFaultsKeepTheirNames() throws IOException {
        try (FakeAltertable fake = FakeAltertable.start()) {
            fake.failNext(Fault.serverError());
            fake.failNext(io.tally.testkit.server.Fault.truncatedBody());
            assertThat(track(fake, "A")).isEqualTo(503);
            assertThatThrownBy(() -> track(fake, "B")).isInstanceOf(IOException.class);

            assertThat(fake.requests().get(0).fault()).get().extracting(Fault::kind).isEqualTo(Fault.Kind.STATUS);
            assertThat(fake.requests().get(1).fault()).isEmpty();
            assertThat(fake.server().requests().get(1).fault()).get()
                    .extracting(io.tally.testkit.server.Fault::kind)
                    .isEqualTo(io.tally.testkit.server.Fault.Kind.TRUNCATED_BODY);
            assertThat(fake.tracks()).extracting(e -> e.payload().get("event")).containsExactly("B");
        }
    }

    @Test
    void aNullFaultIsRefused() {
        try (FakeAltertable fake = FakeAltertable.start()) {
            assertThatThrownBy(() -> fake.failNext(1, (Fault) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fault");
        }
    }
}
