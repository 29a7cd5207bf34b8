package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sun.net.httpserver.HttpServer;
import io.tally.core.AuthenticationException;
import io.tally.core.ServerException;
import io.tally.hitkeep.model.RealtimeEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The realtime stream as a subscription: events parsed and handed over, reconnection after the server's
 * {@code retry:} through the injected sleeper (never a real sleep), resumption with {@code Last-Event-ID},
 * refusals and failure limits, and closing a connection that is still open.
 */
class RealtimeSubscriptionTest {
    static final String SITE = Part1Clients.SITE;
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();
    /**
     * A site of each test's own: a subscription of an earlier test may still have a reconnection in flight when it
     * is closed, and that request must not be counted by (or consume the stubs of) the next test.
     */
    final String site = UUID.randomUUID().toString();
    final String route = "/api/sites/" + site + "/realtime";

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    static String event(int id, String type, String kinds, String counts) {
        return "id: " + id + "\nevent: " + type + "\ndata: {\"site_id\":\"" + SITE + "\",\"kinds\":" + kinds
                + ",\"changed_at\":\"2026-06-25T10:15:0" + (id % 10)
                + "Z\",\"bucket_start\":\"2026-06-25T10:15:00Z\",\"counts\":" + counts + "}\n\n";
    }

    static ResponseDefinitionBuilder stream(String body) {
        return aResponse().withHeader("Content-Type", "text/event-stream").withHeader("Cache-Control", "no-cache")
                .withBody(body);
    }

    @Test
    void reconnectsAfterTheServersRetryDelayAndResumesWithLastEventId() throws Exception {
        wm.stubFor(get(urlEqualTo(route)).inScenario("sse").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(stream(": connected\nretry: 1500\n\n"
                        + event(1, "analytics.changed", "[\"hits\"]", "{\"hits\":2}")
                        + ": heartbeat\n\n"
                        + event(2, "analytics.changed", "[\"events\"]", "{\"events\":1}")))
                .willSetStateTo("second"));
        wm.stubFor(get(urlEqualTo(route)).inScenario("sse").whenScenarioStateIs("second")
                .willReturn(stream(
                        event(3, "analytics.resync", "[\"hits\",\"events\",\"ecommerce\",\"web_vitals\"]", "{}"))));
        List<RealtimeEvent> events = new CopyOnWriteArrayList<>();
        List<Duration> disconnects = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> closedWith = new AtomicReference<>(new IllegalStateException("not closed"));
        int[] heartbeats = {0};
        AtomicReference<RealtimeSubscription> self = new AtomicReference<>();

        RealtimeSubscription subscription = clients.token(wm.baseUrl()).sites().realtime(site)
                .subscribe(new RealtimeListener() {
                    @Override
                    public void onEvent(RealtimeEvent event) {
                        events.add(event);
                        if (event.isResync()) {
                            self.get().close();
                        }
                    }

                    @Override
                    public void onHeartbeat() {
                        heartbeats[0]++;
                    }

                    @Override
                    public void onDisconnected(Throwable cause, Duration reconnectIn) {
                        disconnects.add(reconnectIn);
                    }

                    @Override
                    public void onClosed(Throwable error) {
                        closedWith.set(error);
                    }
                });
        self.set(subscription);

        assertThat(subscription.awaitTermination(WAIT)).isTrue();
        assertThat(events).extracting(RealtimeEvent::id).containsExactly("1", "2", "3");
        assertThat(events.get(0).count("hits")).isEqualTo(2);
        assertThat(events.get(2).isResync()).isTrue();
        assertThat(closedWith.get()).isNull();
        assertThat(heartbeats[0]).isEqualTo(2);
        assertThat(disconnects).containsExactly(Duration.ofMillis(1500));
        assertThat(clients.sleeper.waits()).as("the server's retry: was waited through the injected sleeper")
                .containsExactly(Duration.ofMillis(1500));
        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlEqualTo(route)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).containsHeader("Last-Event-ID")).isFalse();
        assertThat(requests.get(1).getHeader("Last-Event-ID")).isEqualTo("2");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.getHeader("Accept")).isEqualTo("text/event-stream");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + Part1Clients.TOKEN);
        });
        assertThat(subscription.lastEventId()).isEqualTo("3");
    }

    @Test
    void theIteratorYieldsEventsAcrossReconnectionsWithTheDefaultDelay() {
        wm.stubFor(get(urlEqualTo(route)).inScenario("sse").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(stream(event(7, "analytics.changed", "[\"hits\"]", "{\"hits\":1}")))
                .willSetStateTo("second"));
        wm.stubFor(get(urlEqualTo(route)).inScenario("sse").whenScenarioStateIs("second")
                .willReturn(stream(event(8, "analytics.changed", "[\"goals\"]", "{\"goals\":1}"))));
        List<String> ids = new ArrayList<>();

        try (RealtimeEventStream events = clients.token(wm.baseUrl()).sites().realtime(site).lastEventId("6")
                .stream()) {
            for (RealtimeEvent event : events) {
                ids.add(event.id());
                if (ids.size() == 2) {
                    break;
                }
            }
        }

        assertThat(ids).containsExactly("7", "8");
        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlEqualTo(route)));
        assertThat(requests.get(0).getHeader("Last-Event-ID")).isEqualTo("6");
        assertThat(requests.get(1).getHeader("Last-Event-ID")).isEqualTo("7");
        assertThat(clients.sleeper.waits().get(0)).isEqualTo(RealtimeRequest.DEFAULT_RECONNECT_DELAY);
    }

    @Test
    void anEmptyIdLineResetsTheLastEventIdSoTheReconnectionSendsNone() throws Exception {
        // EventSource rule: "id:" with no value resets the last event id, and an empty one is not sent
        wm.stubFor(get(urlEqualTo(route)).inScenario("reset-id").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(stream("id: 5\nevent: analytics.changed\ndata: {\"kinds\":[\"hits\"]}\n\n"
                        + "id\nevent: analytics.changed\ndata: {\"kinds\":[\"events\"]}\n\n"))
                .willSetStateTo("second"));
        wm.stubFor(get(urlEqualTo(route)).inScenario("reset-id").whenScenarioStateIs("second")
                .willReturn(stream("id: 1\nevent: analytics.resync\ndata: {\"kinds\":[\"hits\"]}\n\n")));
        List<RealtimeEvent> events = new CopyOnWriteArrayList<>();
        AtomicReference<RealtimeSubscription> self = new AtomicReference<>();
        CountDownLatch subscribed = new CountDownLatch(1);

        RealtimeSubscription subscription = clients.token(wm.baseUrl()).sites().realtime(site).subscribe(event -> {
            events.add(event);
            if (event.isResync()) {
                try {
                    subscribed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                self.get().close();
            }
        });
        self.set(subscription);
        subscribed.countDown();

        assertThat(subscription.awaitTermination(WAIT)).isTrue();
        assertThat(events).extracting(RealtimeEvent::id).containsExactly("5", null, "1");
        assertThat(subscription.lastEventId()).isEqualTo("1");
        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlEqualTo(route)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).containsHeader("Last-Event-ID")).as("an empty Last-Event-ID is not sent").isFalse();
    }

    @Test
    void aRefusalEndsTheSubscriptionWithoutReconnecting() throws Exception {
        wm.stubFor(
                get(urlEqualTo(route)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "text/plain")
                        .withBody("Unauthorized\n")));

        RealtimeEventStream events = clients.token(wm.baseUrl()).sites().realtime(site).stream();

        assertThatThrownBy(events::hasNext).isInstanceOf(AuthenticationException.class);
        assertThat(events.awaitTermination(WAIT)).isTrue();
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(route)))).hasSize(1);
        assertThat(clients.sleeper.waits()).isEmpty();
    }

    @Test
    void failuresInARowBeyondTheLimitEndTheSubscription() throws Exception {
        wm.stubFor(get(urlEqualTo(route)).willReturn(aResponse().withStatus(503).withBody("Service not available\n")));
        AtomicReference<Throwable> closedWith = new AtomicReference<>();

        RealtimeSubscription subscription = clients.token(wm.baseUrl()).sites().realtime(site).maxConsecutiveFailures(2)
                .reconnectDelay(Duration.ofMillis(250)).subscribe(new RealtimeListener() {
                    @Override
                    public void onEvent(RealtimeEvent event) {}

                    @Override
                    public void onClosed(Throwable error) {
                        closedWith.set(error);
                    }
                });

        assertThat(subscription.awaitTermination(WAIT)).isTrue();
        assertThat(closedWith.get()).isInstanceOf(ServerException.class);
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(route)))).hasSize(3);
        assertThat(clients.sleeper.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void aListenerThatThrowsEndsTheSubscriptionWithItsException() throws Exception {
        wm.stubFor(
                get(urlEqualTo(route)).willReturn(stream(event(1, "analytics.changed", "[\"hits\"]", "{\"hits\":1}"))));
        AtomicReference<Throwable> closedWith = new AtomicReference<>();
        IllegalStateException boom = new IllegalStateException("dashboard refresh failed");

        RealtimeSubscription subscription = clients.token(wm.baseUrl()).sites().realtime(site)
                .subscribe(new RealtimeListener() {
                    @Override
                    public void onEvent(RealtimeEvent event) {
                        throw boom;
                    }

                    @Override
                    public void onClosed(Throwable error) {
                        closedWith.set(error);
                    }
                });

        assertThat(subscription.awaitTermination(WAIT)).isTrue();
        assertThat(closedWith.get()).isSameAs(boom);
        assertThat(wm.findAll(getRequestedFor(urlEqualTo(route)))).hasSize(1);
    }

    @Test
    void closingCancelsAConnectionThatIsStillOpen() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(event(1, "analytics.changed", "[\"hits\"]", "{\"hits\":1}").getBytes(StandardCharsets.UTF_8));
                out.flush();
                release.await(30, TimeUnit.SECONDS); // holds the stream open like HitKeep does
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        server.start();
        try {
            CountDownLatch first = new CountDownLatch(1);
            RealtimeSubscription subscription = clients.token("http://127.0.0.1:" + server.getAddress().getPort())
                    .sites().realtime(site).subscribe(event -> first.countDown());

            assertThat(first.await(WAIT.getSeconds(), TimeUnit.SECONDS)).isTrue();
            subscription.close();

            assertThat(subscription.awaitTermination(WAIT)).as("close() unblocks the read").isTrue();
            assertThat(subscription.isClosed()).isTrue();
            assertThat(clients.sleeper.waits()).as("no reconnection after close").isEmpty();
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void aTooShortHeartbeatTimeoutIsRefused() {
        RealtimeRequest request = clients.token(wm.baseUrl()).sites().realtime(site);

        assertThatThrownBy(() -> request.heartbeatTimeout(Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeatTimeout");
        assertThatThrownBy(() -> request.maxConsecutiveFailures(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
