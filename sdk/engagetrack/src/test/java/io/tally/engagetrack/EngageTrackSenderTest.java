package io.tally.engagetrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tally.core.RetryPolicy;
import io.tally.core.delivery.DeliveryFailure;
import io.tally.core.delivery.FlushResult;
import io.tally.engagetrack.model.EventType;
import io.tally.engagetrack.model.IdentifyCall;
import io.tally.engagetrack.model.TrackedEvent;
import io.tally.testkit.ManualClock;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.engagetrack.EngageTrackDemo;
import io.tally.testkit.engagetrack.FakeEngageTrack;
import io.tally.testkit.server.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queued server-side sender against FakeEngageTrack and WireMock: order, pacing, 429 at the reset time,
 * backoff, flush and close, overflow episodes, the durable queue across a restart. Time is a manual ticker, a
 * manual clock and a recording sleeper that moves the ticker on: no test sleeps.
 */
class EngageTrackSenderTest {
    static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    FakeEngageTrack fake;
    String site;
    ManualClock clock;
    RecordingSleeper sleeper;
    ManualTicker ticker;
    final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    final List<EngageTrackSender> senders = new ArrayList<>();

    @BeforeEach
    void start() {
        wm.resetAll();
        fake = FakeEngageTrack.start();
        site = EngageTrackDemo.SHOP_PUBLIC_ID;
        clock = ManualClock.at(NOW);
        sleeper = new RecordingSleeper();
        ticker = new ManualTicker();
    }

    @AfterEach
    void stop() {
        for (EngageTrackSender s : senders) {
            s.close();
        }
        fake.close();
    }

    private EngageTrackSender.Builder builder(String baseUrl) {
        // time passes for the sender while it sleeps, as it would for real
        return EngageTrackSender.builder().baseUrl(baseUrl).clock(clock).ticker(ticker)
                .sleeper(d -> {
                    sleeper.sleep(d);
                    ticker.advance(d);
                })
                .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(10)).jitter(0).maxRetryAfter(Duration.ofSeconds(60)).build())
                .onError(failures::add);
    }

    private EngageTrackSender open(EngageTrackSender.Builder b) {
        EngageTrackSender s = b.build();
        senders.add(s);
        return s;
    }

    private TrackedEvent page(String path) {
        return TrackedEvent.builder(site, "https://shop.example.com" + path).eventType(EventType.PAGEVIEW)
                .visitorUid("v-1").build();
    }

    private List<String> urlsReceived() {
        return fake.events().stream().map(e -> e.get("url").asText()).collect(Collectors.toList());
    }

    @Test
    void recordsArriveInTheOrderQueuedOneRequestEachWithNoAuthorization() {
        EngageTrackSender sender = open(builder(fake.baseUrl()));
        sender.event(page("/a"));
        sender.identify(IdentifyCall.builder(site, "v-1", "user-42").build());
        sender.event(page("/b"));

        FlushResult result = sender.flush();

        assertThat(result.deliveredCount()).isEqualTo(3);
        assertThat(result.isSuccess()).isTrue();
        assertThat(urlsReceived()).containsExactly("https://shop.example.com/a", "https://shop.example.com/b");
        assertThat(fake.identifies()).singleElement().satisfies(i -> assertThat(i.get("user_id").asText())
                .isEqualTo("user-42"));
        List<String> paths = fake.requests().stream().map(r -> r.method() + " " + r.path())
                .filter(p -> p.startsWith("POST")).collect(Collectors.toList());
        assertThat(paths).containsExactly("POST /api/v1/event", "POST /api/v1/identify", "POST /api/v1/event");
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("POST"))
                .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
        JsonNode first = fake.events().get(0);
        assertThat(first.get("site_id").asText()).isEqualTo(site);
        assertThat(first.get("event_type").asText()).isEqualTo("pageview");
        assertThat(sender.queuedCount()).isZero();
    }

    @Test
    void requestsArePacedByTheDefaultPaceOrTheConfiguredOne() {
        EngageTrackSender sender = open(builder(fake.baseUrl()));
        for (int i = 0; i < 4; i++) {
            sender.event(page("/p" + i));
        }
        sender.flush();
        assertThat(sleeper.waits()).containsExactly(EngageTrackSender.DEFAULT_PACE, EngageTrackSender.DEFAULT_PACE,
                EngageTrackSender.DEFAULT_PACE);
        assertThat(EngageTrackSender.DEFAULT_PACE).as("under 600 requests a minute")
                .isGreaterThan(Duration.ofMillis(100));

        sleeper.clear();
        EngageTrackSender slower = open(builder(fake.baseUrl()).pace(Duration.ofMillis(500)));
        slower.event(page("/x"));
        slower.event(page("/y"));
        slower.flush();
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
        assertThat(urlsReceived()).hasSize(6);
    }

    @Test
    void a429IsRetriedAtTheRateLimitResetTime() {
        long reset = NOW.getEpochSecond() + 37;
        wm.stubFor(post(urlEqualTo("/event")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "600").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(reset))
                        .withBody("{\"error\":\"Rate limit exceeded. Retry after " + Instant.ofEpochSecond(reset)
                                + "\"}"))
                .willSetStateTo("open"));
        wm.stubFor(post(urlEqualTo("/event")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(202).withBody("ok")));
        EngageTrackSender sender = open(builder(wm.baseUrl()).pace(Duration.ZERO));
        sender.event(TrackedEvent.builder("pk_live_abc", "https://shop.example.com/").build());

        FlushResult result = sender.flush();

        assertThat(result.deliveredCount()).isEqualTo(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(37));
        wm.verify(2, postRequestedFor(urlEqualTo("/event")).withRequestBody(equalTo(
                "{\"site_id\":\"pk_live_abc\",\"url\":\"https://shop.example.com/\"}")));
        assertThat(failures).isEmpty();
    }

    @Test
    void a429WithOnlyTheBodysRetryTimeWaitsUntilThatTime() {
        wm.stubFor(post(urlEqualTo("/identify")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"Rate limit exceeded. Retry after 2026-03-14T12:00:20Z\"}"))
                .willSetStateTo("open"));
        wm.stubFor(post(urlEqualTo("/identify")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(202).withBody("ok")));
        EngageTrackSender sender = open(builder(wm.baseUrl()));
        sender.identify(IdentifyCall.builder("pk_live_abc", "v-1", "user-1").build());

        assertThat(sender.flush().deliveredCount()).isEqualTo(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndRefusalsAreReportedNotResent() {
        fake.failNext(2, Fault.serverError());
        EngageTrackSender sender = open(builder(fake.baseUrl()).pace(Duration.ZERO));
        sender.event(page("/a"));
        assertThat(sender.flush().deliveredCount()).isEqualTo(1);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

        sender.event(TrackedEvent.builder("pk_live_unknown", "https://shop.example.com/").build());
        FlushResult refused = sender.flush();
        assertThat(refused.rejectedCount()).isEqualTo(1);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.REJECTED);
            assertThat(f.endpoint()).contains("/event");
            assertThat(f.message()).startsWith("EngageTrack refused 1 event payloads with ");
        });
        assertThat(urlsReceived()).containsExactly("https://shop.example.com/a");
    }

    @Test
    void closeSendsEverythingQueuedFirst() {
        EngageTrackSender sender = builder(fake.baseUrl()).build();
        for (int i = 0; i < 25; i++) {
            sender.event(page("/p" + i));
        }
        sender.close();
        sender.close(); // idempotent
        assertThat(urlsReceived()).hasSize(25).first().isEqualTo("https://shop.example.com/p0");
        assertThat(urlsReceived().get(24)).isEqualTo("https://shop.example.com/p24");
        sender.event(page("/late"));
        assertThat(failures).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.CLOSED));
    }

    @Test
    void anOverflowDropsTheOldestAndIsReportedOncePerEpisode() {
        fake.failNext(4, Fault.serverError());
        EngageTrackSender sender = open(builder(fake.baseUrl()).queueCapacity(3).pace(Duration.ZERO));
        sender.event(page("/e0"));
        FlushResult down = sender.flush(); // a round of 4 failed attempts: e0 stays queued, the sender pauses
        assertThat(down.pendingCount()).isEqualTo(1);
        for (int i = 1; i <= 5; i++) {
            sender.event(page("/e" + i));
        }
        assertThat(sender.queuedCount()).isEqualTo(3);

        FlushResult result = sender.flush();

        assertThat(result.deliveredCount()).isEqualTo(3);
        assertThat(urlsReceived()).containsExactly("https://shop.example.com/e3", "https://shop.example.com/e4",
                "https://shop.example.com/e5");
        List<DeliveryFailure> overflows = failures.stream().filter(f -> f.kind() == DeliveryFailure.Kind.QUEUE_OVERFLOW)
                .collect(Collectors.toList());
        assertThat(overflows).singleElement().satisfies(f -> {
            assertThat(f.recordCount()).isEqualTo(3);
            assertThat(f.recordsAsText()).hasSize(3).first().asString().contains("/e0");
            assertThat(f.message()).contains("the EngageTrack queue was full (3 payloads in memory)");
        });
    }

    @Test
    void theDurableQueueSurvivesARestartOfTheClient() {
        fake.failNext(100, Fault.serverError());
        EngageTrackSender first = builder(fake.baseUrl()).durableQueue(dir).closeTimeout(Duration.ofSeconds(5)).build();
        first.event(page("/a"));
        first.identify(IdentifyCall.builder(site, "v-1", "user-42").build());
        first.event(page("/b"));
        first.close(); // the server is down: the records stay on disk
        assertThat(failures).extracting(DeliveryFailure::kind).doesNotContain(DeliveryFailure.Kind.CLOSED);
        assertThat(urlsReceived()).isEmpty();

        fake.reset();
        EngageTrackSender second = open(builder(fake.baseUrl()).durableQueue(dir));
        FlushResult result = second.flush(); // recovered records are due at once: some may be sent before this

        assertThat(result.isSuccess()).isTrue();
        assertThat(second.queuedCount()).isZero();
        assertThat(urlsReceived()).containsExactly("https://shop.example.com/a", "https://shop.example.com/b");
        assertThat(fake.identifies()).hasSize(1);
        List<String> paths = fake.requests().stream().filter(r -> r.method().equals("POST")).map(r -> r.path())
                .collect(Collectors.toList());
        assertThat(paths).containsExactly("/api/v1/event", "/api/v1/identify", "/api/v1/event");
    }

    @Test
    void aCrashedSendersRecordsAreSentByTheNextOne() {
        fake.failNext(100, Fault.serverError());
        EngageTrackSender first = builder(fake.baseUrl()).durableQueue(dir).build();
        first.event(page("/a"));
        first.event(page("/b"));
        first.crashForTesting(); // nothing acknowledged, nothing closed
        fake.reset();

        EngageTrackSender second = open(builder(fake.baseUrl()).durableQueue(dir));
        assertThat(second.flush().isSuccess()).isTrue();
        assertThat(urlsReceived()).containsExactly("https://shop.example.com/a", "https://shop.example.com/b");
    }

    @Test
    void theBuilderRefusesBadSettingsAndTheCallsRefuseNull() {
        assertThatThrownBy(() -> EngageTrackSender.builder().pace(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pace");
        assertThatThrownBy(() -> EngageTrackSender.builder().queueCapacity(0)).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> EngageTrackSender.builder().durableQueueMaxBytes(1024))
                .hasMessageContaining("durableQueueMaxBytes");
        assertThatThrownBy(() -> EngageTrackSender.builder().closeTimeout(null)).hasMessageContaining("closeTimeout");
        EngageTrackSender sender = open(builder(fake.baseUrl()));
        assertThatThrownBy(() -> sender.event(null)).isInstanceOf(NullPointerException.class).hasMessage("event");
        assertThatThrownBy(() -> sender.identify(null)).isInstanceOf(NullPointerException.class).hasMessage("identify");
        assertThatThrownBy(() -> sender.flush(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sender.queuedCount()).isZero();
        assertThat(sender.toString()).isEqualTo("EngageTrackSender[0 queued]");
    }
}
