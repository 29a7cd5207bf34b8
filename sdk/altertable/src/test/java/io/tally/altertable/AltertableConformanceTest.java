package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.json.TallyJson;
import io.tally.testkit.ManualTicker;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every payload vector of the Altertable client spec (the project's own
 * {@code altertable-payload-vectors.tsv}, whose header explains it) through the server-tier client and compares the
 * payload on the wire with the vector's expected keys. As the spec's notes on its vectors say, the clock is fixed at
 * 2023-01-01T12:00:00Z, {@code $lib}/{@code $lib_version} are injected as {@code altertable-sdk}/{@code 1.0.0}, and
 * the anonymous id context {@code anon_abc123} is passed to track and identify (the server tier takes it per call).
 * Vector keys are compared as a subset of the real body; every value they give must match exactly.
 */
class AltertableConformanceTest {
    private static final ObjectMapper JSON = TallyJson.mapper();
    private static final String ANONYMOUS_CONTEXT = "anon_abc123";

    private FakeAltertable fake;
    private Altertable altertable;

    @BeforeEach
    void start() {
        fake = FakeAltertable.start();
        altertable = TestSupport.clientFor(fake, new ManualTicker(), new RecordingSleeper())
                .library("altertable-sdk", "1.0.0")
                .build();
    }

    @AfterEach
    void stop() {
        altertable.close();
        fake.close();
    }

    static final String VECTORS = "/altertable-payload-vectors.tsv";

    /** One argument set per vector: name, call, distinct id, event or new user id, properties or traits, expected. */
    static Stream<Arguments> vectors() throws IOException {
        InputStream in = AltertableConformanceTest.class.getResourceAsStream(VECTORS);
        assertThat(in).as(VECTORS + " on the test class path").isNotNull();
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertThat(f).as("columns of " + line).hasSize(6);
                out.add(Arguments.of(f[0], f[1], f[2], f[3], JSON.readTree(f[4]), JSON.readTree(f[5])));
            }
        }
        assertThat(out).as("vectors in " + VECTORS).hasSize(4);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void payloadOnTheWireMatchesTheVector(String name, String call, String distinctId, String argument, JsonNode input,
            JsonNode expected) throws IOException {
        String endpoint;
        if (call.equals("track")) {
            endpoint = "/track";
            altertable.track(argument, distinctId, TrackOptions.builder()
                    .properties(map(input))
                    .anonymousId(ANONYMOUS_CONTEXT)
                    .build());
        } else if (call.equals("identify")) {
            endpoint = "/identify";
            altertable.identify(distinctId, IdentifyOptions.builder()
                    .traits(map(input))
                    .anonymousId(ANONYMOUS_CONTEXT)
                    .build());
        } else if (call.equals("alias")) {
            endpoint = "/alias";
            altertable.alias(distinctId, argument);
        } else {
            throw new AssertionError("vector " + name + " names no known call (track, identify, alias): " + call);
        }

        assertThat(altertable.flush().isSuccess()).isTrue();
        List<RecordedRequest> requests = fake.requests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).path()).isEqualTo(endpoint);
        JsonNode body = JSON.readTree(requests.get(0).body());
        assertThat(body.isArray()).as("batches are JSON arrays").isTrue();
        assertThat(body).hasSize(1);
        JsonNode actual = body.get(0);

        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            if (!field.getValue().equals(actual.get(field.getKey()))) {
                differences.add(
                        field.getKey() + ": expected " + field.getValue() + " but sent " + actual.get(field.getKey()));
            }
        }
        assertThat(differences).as(name + "; sent " + actual).isEmpty();
        // what the vectors leave out but the API requires (spec §12, §13)
        assertThat(actual.get("environment").asText()).isEqualTo("production");
        assertThat(actual.has("session_id")).isFalse();
    }

    private static Map<String, Object> map(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(node, Map.class);
        return map;
    }
}
