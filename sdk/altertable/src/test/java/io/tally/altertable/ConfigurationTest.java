package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Environment;
import io.tally.testkit.altertable.FakeAltertable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void initNeedsOnlyTheKey() {
        try (Altertable production = Altertable.init("pk_test_x");
                Altertable staging = Altertable.init("pk_test_x", AltertableEnvironment.STAGING)) {
            assertThat(production.environment()).isEqualTo(AltertableEnvironment.PRODUCTION);
            assertThat(staging.environment()).isEqualTo(AltertableEnvironment.STAGING);
            assertThat(production.toString()).contains("https://api.altertable.ai").doesNotContain("pk_test_x");
        }
    }

    @Test
    void fromEnvReadsTheDocumentedVariables() {
        try (FakeAltertable fake = FakeAltertable.builder().environments("staging").start()) {
            Map<String, String> vars = new HashMap<>();
            vars.put("ALTERTABLE_API_KEY", fake.apiKey());
            vars.put("ALTERTABLE_BASE_URL", fake.baseUrl());
            vars.put("ALTERTABLE_ENVIRONMENT", "staging");
            vars.put("ALTERTABLE_RELEASE", "2.0.1");
            vars.put("ALTERTABLE_TIMEOUT_SECONDS", "3");
            vars.put("ALTERTABLE_MAX_RETRIES", "1");
            try (Altertable altertable = Altertable.fromEnv(Environment.of(vars))) {
                assertThat(altertable.environment().slug()).isEqualTo("staging");
                altertable.track("E", "user-1");
                assertThat(altertable.flush().isSuccess()).isTrue();
            }
            assertThat(fake.tracks()).singleElement()
                    .satisfies(e -> assertThat(e.property("$release")).isEqualTo("2.0.1"));
        }
    }

    @Test
    void fromEnvNamesTheVariableThatIsMissingOrWrong() {
        assertThatThrownBy(() -> Altertable.fromEnv(Environment.of(new HashMap<>())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ALTERTABLE_API_KEY");
        Map<String, String> vars = new HashMap<>();
        vars.put("ALTERTABLE_API_KEY", "pk_test_x");
        vars.put("ALTERTABLE_BASE_URL", "not a url");
        assertThatThrownBy(() -> Altertable.fromEnv(Environment.of(vars)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ALTERTABLE_BASE_URL");
        vars.put("ALTERTABLE_BASE_URL", "https://proxy.example.com");
        vars.put("ALTERTABLE_MAX_RETRIES", "lots");
        assertThatThrownBy(() -> Altertable.fromEnv(Environment.of(vars)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ALTERTABLE_MAX_RETRIES");
    }

    @Test
    void badSettingsAreRefusedWhenSet() {
        assertThatThrownBy(() -> Altertable.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey is not set");
        assertThatThrownBy(() -> Altertable.init(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
        assertThatThrownBy(() -> Altertable.builder().baseUrl("ftp:/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> Altertable.builder().maxBatchSize(0)).hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> Altertable.builder().maxBatchSize(1001)).hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> Altertable.builder().flushAt(0)).hasMessageContaining("flushAt");
        assertThatThrownBy(() -> Altertable.builder().queueCapacity(0)).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> Altertable.builder().flushInterval(Duration.ofSeconds(-1)))
                .hasMessageContaining("flushInterval");
        assertThatThrownBy(() -> Altertable.builder().requestTimeout(Duration.ZERO))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> Altertable.builder().maxRetries(21)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> Altertable.builder().environment("")).hasMessageContaining("environment");
        assertThatThrownBy(() -> Altertable.builder().durableQueueMaxBytes(16 * 1024 - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durableQueueMaxBytes must be at least 16384");
    }

    @Test
    void aDurableQueueThatCannotBeOpenedFailsTheBuild() throws IOException {
        Path file = Files.createFile(dir.resolve("not-a-directory"));
        assertThatThrownBy(() -> Altertable.builder().apiKey("pk_test_x").durableQueue(file).build())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("not-a-directory");
    }
}
