package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.altertable.internal.EventType;
import io.tally.core.json.TallyJson;
import io.tally.testkit.ManualClock;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mobile tier: identity, sessions and consent kept in storage (spec §8.2, §11). */
class AltertableMobileTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final List<EventType> types = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    private final ManualClock clock = ManualClock.at(TestSupport.T0);
    private final Storage storage = Storage.inMemory();
    private final List<AltertableMobile> opened = new ArrayList<>();

    private AltertableMobile open(TrackingConsent consent) {
        return open(storage, consent);
    }

    private AltertableMobile open(Storage store, TrackingConsent consent) {
        Altertable altertable = Altertable.builder().apiKey("pk_test_mobile").clock(clock)
                .ticker(new ManualTicker()).sleeper(new RecordingSleeper())
                .onError(failures::add)
                .build((type, payloads) -> {
                    for (byte[] p : payloads) {
                        types.add(type);
                        sent.add(new String(p, StandardCharsets.UTF_8));
                    }
                    return io.tally.core.delivery.SendOutcome.delivered(200);
                });
        AltertableMobile mobile = AltertableMobile.builder(altertable).storage(store).trackingConsent(consent).build();
        opened.add(mobile);
        return mobile;
    }

    private AltertableMobile open() {
        return open(TrackingConsent.GRANTED);
    }

    @AfterEach
    void close() {
        for (AltertableMobile m : opened) {
            m.close();
        }
    }

    private List<JsonNode> flushed(AltertableMobile mobile) {
        mobile.flush();
        List<JsonNode> out = new ArrayList<>();
        for (String s : sent) {
            try {
                out.add(TallyJson.mapper().readTree(s));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Test
    void aFreshInstallIsAnonymousWithDeviceAndSession() {
        AltertableMobile mobile = open();
        assertThat(mobile.deviceId()).matches("device-" + UUID);
        assertThat(mobile.distinctId()).matches("anonymous-" + UUID);
        assertThat(mobile.sessionId()).matches("session-" + UUID);
        assertThat(mobile.anonymousId()).isNull();
        assertThat(mobile.isIdentified()).isFalse();

        mobile.track("App Opened", Collections.singletonMap("cold_start", true));

        JsonNode p = flushed(mobile).get(0);
        assertThat(types).containsExactly(EventType.TRACK);
        assertThat(p.get("distinct_id").asText()).isEqualTo(mobile.distinctId());
        assertThat(p.get("device_id").asText()).isEqualTo(mobile.deviceId());
        assertThat(p.get("session_id").asText()).isEqualTo(mobile.sessionId());
        assertThat(p.has("anonymous_id")).isFalse();
        assertThat(p.get("environment").asText()).isEqualTo("production");
        assertThat(p.get("properties").get("$lib").asText()).isEqualTo("tally-java");
        assertThat(p.get("properties").get("cold_start").asBoolean()).isTrue();
        assertThat(p.get("timestamp").asText()).isEqualTo("2023-01-01T12:00:00.000Z");
    }

    @Test
    void theIdentitySurvivesARestart() {
        AltertableMobile first = open();
        first.identify("user-1");
        String device = first.deviceId();
        String anonymous = first.anonymousId();
        String session = first.sessionId();
        first.close();

        AltertableMobile second = open();
        assertThat(second.deviceId()).isEqualTo(device);
        assertThat(second.distinctId()).isEqualTo("user-1");
        assertThat(second.anonymousId()).isEqualTo(anonymous);
        assertThat(second.sessionId()).isEqualTo(session);
        assertThat(second.isIdentified()).isTrue();
    }

    @Test
    void identifyMergesTheAnonymousHistoryIntoTheUser() {
        AltertableMobile mobile = open();
        String anonymous = mobile.distinctId();
        String session = mobile.sessionId();

        mobile.identify("user-1", Collections.singletonMap("plan", "pro"));
        mobile.track("Purchased");

        List<JsonNode> payloads = flushed(mobile);
        assertThat(types).containsExactly(EventType.IDENTIFY, EventType.TRACK);
        JsonNode identify = payloads.get(0);
        assertThat(identify.get("distinct_id").asText()).isEqualTo("user-1");
        assertThat(identify.get("anonymous_id").asText()).isEqualTo(anonymous);
        assertThat(identify.get("device_id").asText()).isEqualTo(mobile.deviceId());
        assertThat(identify.get("traits").get("plan").asText()).isEqualTo("pro");
        assertThat(identify.has("session_id")).as("identify never carries a session").isFalse();
        JsonNode track = payloads.get(1);
        assertThat(track.get("distinct_id").asText()).isEqualTo("user-1");
        assertThat(track.get("anonymous_id").asText()).isEqualTo(anonymous);
        assertThat(track.get("session_id").asText()).isEqualTo(session);
    }

    @Test
    void identifyingTheSameUserAgainChangesNothingButStillSends() {
        AltertableMobile mobile = open();
        mobile.identify("user-1");
        String anonymous = mobile.anonymousId();
        String session = mobile.sessionId();

        mobile.identify("user-1", Collections.singletonMap("plan", "team"));

        assertThat(mobile.anonymousId()).isEqualTo(anonymous);
        assertThat(mobile.sessionId()).isEqualTo(session);
        assertThat(flushed(mobile)).hasSize(2);
    }

    @Test
    void identifyingAnotherUserResetsFirst() {
        AltertableMobile mobile = open();
        mobile.identify("user-1");
        String firstAnonymous = mobile.anonymousId();
        String firstSession = mobile.sessionId();
        String device = mobile.deviceId();

        mobile.identify("user-2");

        assertThat(mobile.distinctId()).isEqualTo("user-2");
        assertThat(mobile.anonymousId()).matches("anonymous-" + UUID).isNotEqualTo(firstAnonymous);
        assertThat(mobile.sessionId()).isNotEqualTo(firstSession);
        assertThat(mobile.deviceId()).isEqualTo(device);
        JsonNode second = flushed(mobile).get(1);
        assertThat(second.get("anonymous_id").asText()).isEqualTo(mobile.anonymousId());
    }

    @Test
    void resetStartsANewAnonymousIdentityAndKeepsTheDeviceUnlessAsked() {
        AltertableMobile mobile = open();
        mobile.identify("user-1");
        String device = mobile.deviceId();
        String session = mobile.sessionId();

        mobile.reset();

        assertThat(mobile.distinctId()).matches("anonymous-" + UUID);
        assertThat(mobile.anonymousId()).isNull();
        assertThat(mobile.isIdentified()).isFalse();
        assertThat(mobile.sessionId()).isNotEqualTo(session);
        assertThat(mobile.deviceId()).isEqualTo(device);

        mobile.reset(true);
        assertThat(mobile.deviceId()).matches("device-" + UUID).isNotEqualTo(device);
        assertThat(open().deviceId()).as("stored").isEqualTo(mobile.deviceId());
    }

    @Test
    void aSessionEndsAfterThirtyMinutesWithoutATrackEvenAcrossRestarts() {
        AltertableMobile mobile = open();
        mobile.track("A");
        String first = mobile.sessionId();
        clock.advance(Duration.ofMinutes(29));
        mobile.track("B");
        assertThat(mobile.sessionId()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(29));
        mobile.identify("user-1"); // not activity
        mobile.track("C");
        assertThat(mobile.sessionId()).as("29 minutes after B").isEqualTo(first);

        clock.advance(Duration.ofMinutes(30));
        mobile.track("D");
        String second = mobile.sessionId();
        assertThat(second).isNotEqualTo(first);
        List<JsonNode> payloads = flushed(mobile);
        assertThat(payloads.get(payloads.size() - 1).get("session_id").asText()).isEqualTo(second);

        mobile.close();
        clock.advance(Duration.ofHours(1));
        AltertableMobile restarted = open();
        assertThat(restarted.sessionId()).isEqualTo(second);
        restarted.track("E");
        assertThat(restarted.sessionId()).isNotEqualTo(second);
    }

    @Test
    void pendingConsentKeepsPayloadsAcrossRestartsUntilGranted() {
        AltertableMobile mobile = open(TrackingConsent.PENDING);
        mobile.track("A");
        mobile.identify("user-1");
        mobile.track("B");
        mobile.flush();
        assertThat(sent).isEmpty();
        assertThat(mobile.keptForConsentCount()).isEqualTo(3);
        mobile.close();

        AltertableMobile restarted = open(TrackingConsent.PENDING);
        assertThat(restarted.trackingConsent()).isEqualTo(TrackingConsent.PENDING);
        assertThat(restarted.keptForConsentCount()).isEqualTo(3);

        restarted.setTrackingConsent(TrackingConsent.GRANTED);

        List<JsonNode> payloads = flushed(restarted);
        assertThat(types).containsExactly(EventType.TRACK, EventType.IDENTIFY, EventType.TRACK);
        assertThat(payloads.get(0).get("event").asText()).isEqualTo("A");
        assertThat(payloads.get(2).get("event").asText()).isEqualTo("B");
        assertThat(restarted.keptForConsentCount()).isZero();
        assertThat(open().keptForConsentCount()).isZero();
    }

    @Test
    void aConsentTheUserGaveIsStoredAndWinsOverTheConfiguredDefault() {
        AltertableMobile mobile = open(TrackingConsent.PENDING);
        mobile.setTrackingConsent(TrackingConsent.DENIED);
        mobile.close();
        assertThat(open(TrackingConsent.GRANTED).trackingConsent()).isEqualTo(TrackingConsent.DENIED);
    }

    @Test
    void deniedConsentDropsPayloadsAndDiscardsKeptOnes() {
        AltertableMobile mobile = open(TrackingConsent.DISMISSED);
        mobile.track("A");
        mobile.setTrackingConsent(TrackingConsent.DENIED);
        mobile.track("B");
        assertThat(mobile.keptForConsentCount()).isZero();
        mobile.setTrackingConsent(TrackingConsent.GRANTED);
        mobile.track("C");

        List<JsonNode> payloads = flushed(mobile);
        assertThat(payloads).extracting(p -> p.get("event").asText()).containsExactly("C");
    }

    @Test
    void theConsentQueueKeepsTheNewest1000() {
        AltertableMobile mobile = open(TrackingConsent.PENDING);
        for (int i = 0; i < AltertableMobile.MAX_CONSENT_QUEUE + 2; i++) {
            mobile.track("E" + i);
        }
        assertThat(mobile.keptForConsentCount()).isEqualTo(AltertableMobile.MAX_CONSENT_QUEUE);
        mobile.setTrackingConsent(TrackingConsent.GRANTED);
        List<JsonNode> payloads = flushed(mobile);
        assertThat(payloads.get(0).get("event").asText()).isEqualTo("E2");
        assertThat(failures).extracting(DeliveryFailure::kind).containsOnly(DeliveryFailure.Kind.QUEUE_OVERFLOW);
        assertThat(failures.stream().mapToInt(DeliveryFailure::payloadCount).sum()).isEqualTo(2);
    }

    @Test
    void updateTraitsAliasAndScreen() {
        AltertableMobile mobile = open();
        assertThatThrownBy(() -> mobile.updateTraits(Collections.singletonMap("plan", "pro")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("identify");
        String anonymous = mobile.distinctId();
        mobile.alias("crm:7");
        mobile.identify("user-1");
        mobile.updateTraits(Collections.singletonMap("plan", "pro"));
        mobile.screen("Settings");

        List<JsonNode> payloads = flushed(mobile);
        assertThat(types).containsExactly(EventType.ALIAS, EventType.IDENTIFY, EventType.IDENTIFY, EventType.TRACK);
        assertThat(payloads.get(0).get("distinct_id").asText()).isEqualTo(anonymous);
        assertThat(payloads.get(0).get("new_user_id").asText()).isEqualTo("crm:7");
        assertThat(payloads.get(0).get("device_id").asText()).isEqualTo(mobile.deviceId());
        assertThat(payloads.get(2).get("traits").get("plan").asText()).isEqualTo("pro");
        assertThat(payloads.get(2).get("distinct_id").asText()).isEqualTo("user-1");
        assertThat(payloads.get(3).get("event").asText()).isEqualTo("$screen");
        assertThat(payloads.get(3).get("properties").get("$screen_name").asText()).isEqualTo("Settings");
        assertThatThrownBy(() -> mobile.alias("user-1")).hasMessageContaining("differ");
        assertThatThrownBy(() -> mobile.identify("guest")).isInstanceOf(IllegalArgumentException.class);
        assertThat(mobile.distinctId()).isEqualTo("user-1");
    }

    @Test
    void storageKeysAreScopedAndNeverContainTheKey() {
        Map<String, String> seen = new HashMap<>();
        Storage recording = new Storage() {
            @Override
            public String get(String key) {
                return seen.get(key);
            }

            @Override
            public void set(String key, String value) {
                seen.put(key, value);
            }

            @Override
            public void remove(String key) {
                seen.remove(key);
            }
        };
        AltertableMobile mobile = open(recording, TrackingConsent.GRANTED);
        mobile.track("A");
        assertThat(seen.keySet()).isNotEmpty().allSatisfy(k -> {
            assertThat(k).matches("atbl\\.[0-9a-f]{12}\\.production\\.[a-z_]+");
            assertThat(k).doesNotContain("pk_test_mobile");
        });
        assertThat(seen.keySet()).extracting(k -> k.substring(k.lastIndexOf('.') + 1))
                .contains("device_id", "distinct_id", "session_id", "last_event_at");
    }

    @Test
    void storageFailuresAreReportedNotThrown() {
        Storage broken = new Storage() {
            @Override
            public String get(String key) {
                throw new UncheckedIOException(new IOException("disk gone"));
            }

            @Override
            public void set(String key, String value) {
                throw new UncheckedIOException(new IOException("disk gone"));
            }

            @Override
            public void remove(String key) {
                throw new UncheckedIOException(new IOException("disk gone"));
            }
        };
        AltertableMobile mobile = open(broken, TrackingConsent.GRANTED);
        mobile.track("A");
        mobile.identify("user-1");
        assertThat(flushed(mobile)).hasSize(2);
        assertThat(failures).isNotEmpty().extracting(DeliveryFailure::kind).containsOnly(DeliveryFailure.Kind.STORAGE);
        assertThat(mobile.distinctId()).isEqualTo("user-1");
    }

    @Test
    void storageIsRequired() {
        Altertable altertable = Altertable.builder().apiKey("pk_test_mobile")
                .build((t, p) -> io.tally.core.delivery.SendOutcome.delivered(200));
        try {
            assertThatThrownBy(() -> AltertableMobile.builder(altertable).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage");
        } finally {
            altertable.close();
        }
    }
}
