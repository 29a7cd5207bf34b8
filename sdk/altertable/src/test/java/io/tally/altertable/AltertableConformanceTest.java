package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.json.TallyJson;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds every fixture of the Altertable client spec ({@code specs/altertable/fixtures}) through the
 * server-tier client and compares the payload on the wire with the fixture's output. As the spec's
 * fixture notes say, the clock is fixed at 2023-01-01T12:00:00Z, {@code $lib}/{@code $lib_version}
 * are injected as {@code altertable-sdk}/{@code 1.0.0}, and the anonymous id context
 * {@code anon_abc123} is passed to track and identify (the server tier takes it per call). Fixture
 * keys are compared as a subset of the real body; every value they give must match exactly.
 */
class AltertableConformanceTest {
    private static final ObjectMapper JSON = TallyJson.mapper();
    private static final String ANONYMOUS_CONTEXT = "anon_abc123";

    private FakeAltertable fake;
    private Altertable altertable;

    @BeforeEach
    void start() {
        fake = FakeAltertable.start();
        altertable = TestSupport.clientFor(fake, new TestSupport.ManualTicker(), new RecordingSleeper())
                .library("altertable-sdk", "1.0.0")
                .build();
    }

    @AfterEach
    void stop() {
        altertable.close();
        fake.close();
    }

    static Stream<Path> fixtures() throws IOException {
        Path dir = fixtureDirectory();
        assumeThat(dir)
                .as("the shared specs directory (../shared/specs/altertable/fixtures) is absent; conformance fixtures skipped")
                .isNotNull();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
            assertThat(list).as("fixtures in " + dir).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void payloadOnTheWireMatchesTheFixture(Path fixtureFile) throws IOException {
        JsonNode fixture = JSON.readTree(fixtureFile.toFile());
        JsonNode input = fixture.get("input");
        JsonNode expected = fixture.get("output").get("payload");
        String name = fixtureFile.getFileName().toString();
        String endpoint;
        if (name.startsWith("track")) {
            endpoint = "/track";
            altertable.track(input.get("event").asText(), input.get("distinct_id").asText(), TrackOptions.builder()
                    .properties(map(input.get("properties")))
                    .anonymousId(ANONYMOUS_CONTEXT)
                    .build());
        } else if (name.startsWith("identify")) {
            endpoint = "/identify";
            altertable.identify(input.get("distinct_id").asText(), IdentifyOptions.builder()
                    .traits(map(input.get("traits")))
                    .anonymousId(ANONYMOUS_CONTEXT)
                    .build());
        } else if (name.startsWith("alias")) {
            endpoint = "/alias";
            altertable.alias(input.get("distinct_id").asText(), input.get("new_user_id").asText());
        } else {
            throw new AssertionError("fixture " + name + " names no known call (track_, identify_, alias_)");
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
                differences.add(field.getKey() + ": expected " + field.getValue() + " but sent " + actual.get(field.getKey()));
            }
        }
        assertThat(differences).as(fixture.get("description").asText() + "; sent " + actual).isEmpty();
        // what the fixtures leave out but the API requires (spec §12, §13)
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

    /** The shared specs directory: the surefire property, else ../shared relative to the module or the repo. */
    static Path fixtureDirectory() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("tally.shared.dir");
        if (property != null) {
            candidates.add(Paths.get(property));
        }
        candidates.add(Paths.get("../../../shared"));
        candidates.add(Paths.get("../../shared"));
        candidates.add(Paths.get("../shared"));
        for (Path shared : candidates) {
            Path dir = shared.resolve("specs/altertable/fixtures");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }
}
