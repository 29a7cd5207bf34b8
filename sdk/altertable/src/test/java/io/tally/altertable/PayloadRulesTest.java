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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules applied before anything is queued (spec §3, §6–§8, §13). */
class PayloadRulesTest {
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<EventType> types = new CopyOnWriteArrayList<>();
    private final ManualClock clock = ManualClock.at(TestSupport.T0);
    private Altertable altertable = newClient(Altertable.builder());

    private Altertable newClient(Altertable.Builder builder) {
        return builder.clock(clock).ticker(new ManualTicker()).sleeper(new RecordingSleeper())
                .build((type, payloads) -> {
                    for (byte[] p : payloads) {
                        types.add(type);
                        sent.add(new String(p, java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return io.tally.core.delivery.SendOutcome.delivered(200);
                });
    }

    @AfterEach
    void close() {
        altertable.close();
    }

    private JsonNode only() {
        assertThat(altertable.flush().isSuccess()).isTrue();
        assertThat(sent).hasSize(1);
        try {
            return TallyJson.mapper().readTree(sent.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void trackCarriesEnvironmentLibraryAndMillisecondTimestamp() {
        altertable.track("Button Clicked", "user_123", Collections.singletonMap("color", "blue"));
        JsonNode p = only();
        assertThat(types).containsExactly(EventType.TRACK);
        assertThat(p.get("environment").asText()).isEqualTo("production");
        assertThat(p.get("event").asText()).isEqualTo("Button Clicked");
        assertThat(p.get("distinct_id").asText()).isEqualTo("user_123");
        assertThat(p.get("timestamp").asText()).isEqualTo("2023-01-01T12:00:00.000Z");
        assertThat(p.get("properties").get("$lib").asText()).isEqualTo("tally-java");
        assertThat(p.get("properties").get("$lib_version").asText()).isNotBlank();
        assertThat(p.get("properties").get("color").asText()).isEqualTo("blue");
        assertThat(p.has("session_id")).isFalse();
        assertThat(p.has("anonymous_id")).as("null fields are omitted").isFalse();
        assertThat(p.has("device_id")).isFalse();
    }

    @Test
    void nullPropertiesBecomeAnObjectWithTheLibraryOnly() {
        altertable.track("Viewed Page", "user_123", (Map<String, ?>) null);
        JsonNode properties = only().get("properties");
        assertThat(properties.isObject()).isTrue();
        assertThat(properties.size()).isEqualTo(2);
        assertThat(properties.has("$lib")).isTrue();
        assertThat(properties.has("$lib_version")).isTrue();
    }

    @Test
    void userKeysWinOverSystemProperties() {
        altertable.close();
        altertable = newClient(Altertable.builder().release("4.2.0"));
        Map<String, Object> props = new HashMap<>();
        props.put("$lib", "my-wrapper");
        altertable.track("Opened", "user-1", props);
        JsonNode properties = only().get("properties");
        assertThat(properties.get("$lib").asText()).isEqualTo("my-wrapper");
        assertThat(properties.get("$lib_version").asText()).isNotBlank();
        assertThat(properties.get("$release").asText()).isEqualTo("4.2.0");
    }

    @Test
    void environmentIsTheConfiguredOneOnEveryType() {
        altertable.close();
        altertable = newClient(Altertable.builder().environment(AltertableEnvironment.STAGING));
        altertable.track("A", "user-1");
        altertable.identify("user-1");
        altertable.alias("user-1", "crm:1");
        altertable.flush();
        assertThat(sent).hasSize(3).allSatisfy(json -> assertThat(json).contains("\"environment\":\"staging\""));
        assertThat(types).containsExactly(EventType.TRACK, EventType.IDENTIFY, EventType.ALIAS);
    }

    @Test
    void identifyAndAliasCarryTimestampsAndNoSession() throws IOException {
        clock.advance(Duration.ofMillis(1234));
        altertable.identify("user_123", IdentifyOptions.builder().trait("plan", "pro").anonymousId("anon_1")
                .deviceId("device-1").build());
        altertable.alias("anon_xyz789", "user_456");
        altertable.flush();
        JsonNode identify = TallyJson.mapper().readTree(sent.get(0));
        JsonNode alias = TallyJson.mapper().readTree(sent.get(1));
        assertThat(identify.get("distinct_id").asText()).isEqualTo("user_123");
        assertThat(identify.get("anonymous_id").asText()).isEqualTo("anon_1");
        assertThat(identify.get("device_id").asText()).isEqualTo("device-1");
        assertThat(identify.get("traits").get("plan").asText()).isEqualTo("pro");
        assertThat(identify.get("timestamp").asText()).isEqualTo("2023-01-01T12:00:01.234Z");
        assertThat(identify.has("session_id")).isFalse();
        assertThat(alias.get("distinct_id").asText()).isEqualTo("anon_xyz789");
        assertThat(alias.get("new_user_id").asText()).isEqualTo("user_456");
        assertThat(alias.get("timestamp").asText()).isEqualTo("2023-01-01T12:00:01.234Z");
        assertThat(alias.has("anonymous_id")).as("null, so omitted").isFalse();
    }

    @Test
    void identifyWithoutTraitsSendsAnEmptyObject() {
        altertable.identify("user-1");
        assertThat(only().get("traits").isObject()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anonymous_id", "ANONYMOUS", "Distinct_Id", "distinctid", "false", "Guest", "ID",
            "not_authenticated", "TRUE", "undefined", "user_id", "User", "visitor_id", "visitor", "[object Object]",
            "0", "NaN", "none", "None", "null", "  guest  ", "", "   ", "\t"})
    void reservedAndBlankIdsAreRefusedEverywhere(String id) {
        assertThatThrownBy(() -> altertable.track("E", id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinctId");
        assertThatThrownBy(() -> altertable.identify(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userId");
        assertThatThrownBy(() -> altertable.alias(id, "user-2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinctId");
        assertThatThrownBy(() -> altertable.alias("user-2", id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newUserId");
        assertThat(altertable.queuedCount()).as("nothing is queued").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "NONE", "nan", "Null", "[object object]", "00", "user-0", "guest-42"})
    void caseSensitiveReservedIdsAreOnlyRefusedExactly(String id) {
        altertable.identify(id);
        assertThat(only().get("distinct_id").asText()).isEqualTo(id);
    }

    @Test
    void idsAreTrimmedAndLimitedTo1024Characters() {
        char[] max = new char[1024];
        Arrays.fill(max, 'a');
        altertable.track("E", " user-1 ");
        altertable.track("E", new String(max));
        altertable.flush();
        assertThat(sent.get(0)).contains("\"distinct_id\":\"user-1\"");
        assertThat(sent).hasSize(2);
        assertThatThrownBy(() -> altertable.track("E", new String(max) + "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distinctId must be at most 1024 characters, got 1025");
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThatThrownBy(() -> altertable.track(null, "user-1")).hasMessageContaining("event is required");
        assertThatThrownBy(() -> altertable.track(" ", "user-1")).hasMessageContaining("event must not be blank");
        assertThatThrownBy(() -> altertable.track("E", null)).hasMessageContaining("distinctId is required");
        assertThatThrownBy(() -> altertable.alias("user-1", "user-1")).hasMessageContaining("must differ");
        assertThatThrownBy(() -> TrackOptions.builder().anonymousId(" ")).hasMessageContaining("anonymousId");
        assertThatThrownBy(() -> IdentifyOptions.builder().deviceId("")).hasMessageContaining("deviceId");
        assertThat(altertable.queuedCount()).isZero();
    }

    @Test
    void timestampsAreSentAsIsoUtcMilliseconds() throws IOException {
        altertable.track("A", "u-1",
                TrackOptions.builder().timestamp(Instant.parse("2026-06-15T14:30:00.123456Z")).build());
        altertable.track("B", "u-1", TrackOptions.builder().timestamp("2026-06-15T16:30:00+02:00").build());
        altertable.track("C", "u-1", TrackOptions.builder().timestampEpochSeconds(1_781_533_800L).build());
        altertable.identify("u-1", IdentifyOptions.builder().timestampEpochSeconds(0).build());
        altertable.alias("u-1", "u-2", AliasOptions.builder().timestamp("2026-06-15T14:30:00Z").build());
        altertable.flush();
        List<String> stamps = new ArrayList<>();
        for (String json : sent) {
            stamps.add(TallyJson.mapper().readTree(json).get("timestamp").asText());
        }
        assertThat(stamps).containsExactly("2026-06-15T14:30:00.123Z", "2026-06-15T14:30:00.000Z",
                "2026-06-15T14:30:00.000Z", "1970-01-01T00:00:00.000Z", "2026-06-15T14:30:00.000Z");
    }

    @Test
    void badTimestampsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> TrackOptions.builder().timestamp("2026-06-15T14:30:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("with an offset");
        assertThatThrownBy(() -> TrackOptions.builder().timestamp("yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO 8601");
        assertThatThrownBy(() -> TrackOptions.builder().timestampEpochSeconds(1_781_533_800_000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("looks like milliseconds");
        assertThatThrownBy(() -> TrackOptions.builder().timestamp((Instant) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp");
    }

    @Test
    void propertyValuesMapToJson() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("n", 1);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("string", "s");
        props.put("int", 3);
        props.put("long", 4L);
        props.put("double", 1.5);
        props.put("decimal", new BigDecimal("99.99"));
        props.put("bool", true);
        props.put("null", null);
        props.put("list", Arrays.asList(1, "two"));
        props.put("array", new int[] {1, 2});
        props.put("map", nested);
        props.put("date", LocalDate.of(2026, 6, 15));
        props.put("instant", Instant.parse("2026-06-15T14:30:00Z"));
        props.put("enum", EventType.TRACK);
        props.put("optional", Optional.of("x"));
        props.put("nan", Double.NaN);
        props.put("other", new Object() {
            @Override
            public String toString() {
                return "custom";
            }
        });
        altertable.track("E", "user-1", props);
        JsonNode p = only().get("properties");
        assertThat(p.get("string").asText()).isEqualTo("s");
        assertThat(p.get("int").asInt()).isEqualTo(3);
        assertThat(p.get("long").asLong()).isEqualTo(4L);
        assertThat(p.get("double").asDouble()).isEqualTo(1.5);
        assertThat(p.get("decimal").decimalValue()).isEqualByComparingTo("99.99");
        assertThat(p.get("bool").asBoolean()).isTrue();
        assertThat(p.get("null").isNull()).isTrue();
        assertThat(p.get("list").toString()).isEqualTo("[1,\"two\"]");
        assertThat(p.get("array").toString()).isEqualTo("[1,2]");
        assertThat(p.get("map").toString()).isEqualTo("{\"n\":1}");
        assertThat(p.get("date").asText()).isEqualTo("2026-06-15");
        assertThat(p.get("instant").asText()).isEqualTo("2026-06-15T14:30:00Z");
        assertThat(p.get("enum").asText()).isEqualTo("TRACK");
        assertThat(p.get("optional").asText()).isEqualTo("x");
        assertThat(p.get("nan").asText()).isEqualTo("NaN");
        assertThat(p.get("other").asText()).isEqualTo("custom");
    }

    @Test
    void propertiesAreCopiedWhenTrackIsCalled() {
        Map<String, Object> props = new HashMap<>();
        props.put("step", 1);
        altertable.track("E", "user-1", props);
        props.put("step", 2);
        assertThat(only().get("properties").get("step").asInt()).isEqualTo(1);
    }

    @Test
    void aMapThatContainsItselfIsRefused() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        assertThatThrownBy(() -> altertable.track("E", "user-1", loop))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contain itself");
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        Map<String, Object> props = Collections.singletonMap("m", nullKey);
        assertThatThrownBy(() -> altertable.track("E", "user-1", props))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("properties.m has a null key");
    }

    @Test
    void environmentSlugsAreChecked() {
        assertThat(AltertableEnvironment.of("production")).isSameAs(AltertableEnvironment.PRODUCTION);
        assertThat(AltertableEnvironment.of("qa").slug()).isEqualTo("qa");
        assertThat(AltertableEnvironment.of("qa")).isEqualTo(AltertableEnvironment.of("qa")).hasToString("qa");
        assertThatThrownBy(() -> AltertableEnvironment.of(" ")).hasMessageContaining("environment");
        assertThatThrownBy(() -> AltertableEnvironment.of(" qa")).hasMessageContaining("whitespace");
    }
}
