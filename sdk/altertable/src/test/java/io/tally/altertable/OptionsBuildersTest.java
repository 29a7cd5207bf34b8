package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The setters the three options builders share: the same checks and the same values, whichever builder. */
class OptionsBuildersTest {
    private static final Instant WHEN = Instant.parse("2026-06-15T14:30:00Z");

    /** One of the three builders: how to make it and how to read the time back from what it builds. */
    record Kind(String name, Supplier<OptionsBuilder<?>> builder, Function<OptionsBuilder<?>, Instant> builtTime) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("track", TrackOptions::builder, b -> ((TrackOptions.Builder) b).build().timestamp()),
                new Kind("identify", IdentifyOptions::builder, b -> ((IdentifyOptions.Builder) b).build().timestamp()),
                new Kind("alias", AliasOptions::builder, b -> ((AliasOptions.Builder) b).build().timestamp()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyBuilderTakesTheTimeInThreeSpellings(Kind kind) {
        assertThat(kind.builtTime().apply(kind.builder().get().timestamp(WHEN))).isEqualTo(WHEN);
        assertThat(kind.builtTime().apply(kind.builder().get().timestamp("2026-06-15T16:30:00+02:00"))).isEqualTo(WHEN);
        assertThat(kind.builtTime().apply(kind.builder().get().timestampEpochSeconds(WHEN.getEpochSecond())))
                .isEqualTo(WHEN);
        assertThat(kind.builtTime().apply(kind.builder().get())).as("unset: the time of the call").isNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyBuilderRefusesTheSameBadTimes(Kind kind) {
        assertThatThrownBy(() -> kind.builder().get().timestamp((Instant) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timestamp must not be null");
        assertThatThrownBy(() -> kind.builder().get().timestamp(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between the years 0000 and 9999");
        assertThatThrownBy(() -> kind.builder().get().timestamp("2026-06-15T14:30:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timestamp")
                .hasMessageContaining("with an offset");
        assertThatThrownBy(() -> kind.builder().get().timestampEpochSeconds(1_781_533_800_000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timestampEpochSeconds")
                .hasMessageContaining("looks like milliseconds");
    }

    @Test
    void trackAndIdentifyCheckAndTrimTheIdsAlike() {
        TrackOptions track = TrackOptions.builder().anonymousId(" anon-1 ").deviceId("device-1").build();
        IdentifyOptions identify = IdentifyOptions.builder().anonymousId(" anon-1 ").deviceId("device-1").build();

        assertThat(track.anonymousId()).isEqualTo("anon-1").isEqualTo(identify.anonymousId());
        assertThat(track.deviceId()).isEqualTo("device-1").isEqualTo(identify.deviceId());
        assertThat(TrackOptions.builder().anonymousId("a").anonymousId(null).build().anonymousId()).isNull();
        assertThat(IdentifyOptions.builder().deviceId("d").deviceId(null).build().deviceId()).isNull();

        String tooLong = "x".repeat(1025);
        assertThatThrownBy(() -> TrackOptions.builder().deviceId(tooLong))
                .hasMessage("deviceId must be at most 1024 characters, got 1025");
        assertThatThrownBy(() -> IdentifyOptions.builder().anonymousId(" "))
                .hasMessage("anonymousId must not be empty or whitespace");
    }

    @Test
    void propertiesAndTraitsKeepTheirOrderAndNameTheirNullKeys() {
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("b", 2);
        more.put("a", 1);
        TrackOptions track = TrackOptions.builder().property("z", "first").properties(more).properties(null).build();
        IdentifyOptions identify = IdentifyOptions.builder().trait("z", "first").traits(more).traits(null).build();

        assertThat(track.properties()).containsExactly(Map.entry("z", "first"), Map.entry("b", 2), Map.entry("a", 1));
        assertThat(identify.traits()).isEqualTo(track.properties());
        assertThatThrownBy(() -> TrackOptions.builder().property(null, 1)).hasMessage("property key must not be null");
        assertThatThrownBy(() -> IdentifyOptions.builder().trait(null, 1)).hasMessage("trait key must not be null");
        Map<String, Object> nullKey = new LinkedHashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> TrackOptions.builder().properties(nullKey))
                .hasMessage("property key must not be null");
        assertThatThrownBy(() -> IdentifyOptions.builder().traits(nullKey)).hasMessage("trait key must not be null");
    }

    @Test
    void aBuilderGoesOnBeingUsableAndEarlierOptionsDoNotChange() {
        TrackOptions.Builder builder = TrackOptions.builder().property("step", 1).timestamp(WHEN);
        TrackOptions first = builder.build();
        TrackOptions second = builder.property("step", 2).deviceId("device-2").build();

        assertThat(first.properties()).containsExactly(Map.entry("step", 1));
        assertThat(first.deviceId()).isNull();
        assertThat(second.properties()).containsExactly(Map.entry("step", 2));
        assertThat(second.deviceId()).isEqualTo("device-2");
        assertThatThrownBy(() -> first.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(second).hasToString(
                "TrackOptions[properties=[step], anonymousId=null, deviceId=device-2, timestamp=2026-06-15T14:30:00Z]");
        assertThat(AliasOptions.builder().timestamp(WHEN).build())
                .hasToString("AliasOptions[timestamp=2026-06-15T14:30:00Z]");
    }
}
