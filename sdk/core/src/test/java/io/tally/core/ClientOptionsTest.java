package io.tally.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options defaults, environment variables and derived copies. */
class ClientOptionsTest {
    @Test
    void defaults() {
        ClientOptions o = ClientOptions.builder().build();

        assertThat(o.baseUrl()).isNull();
        assertThat(o.credentials().isNone()).isTrue();
        assertThat(o.retryPolicy()).isSameAs(RetryPolicy.defaults());
        assertThat(o.logLevel()).isEqualTo(LogLevel.NONE);
        assertThat(o.rateLimit()).isNull();
        assertThat(o.callTimeout()).isEqualTo(Duration.ZERO);
        assertThat(o.sleeper()).isSameAs(Sleeper.SYSTEM);
    }

    @Test
    void readsTheEnvironmentWithThePrefix() {
        Environment env = Environment.of(Map.of(
                "HITKEEP_BASE_URL", "https://analytics.example.com",
                "HITKEEP_TIMEOUT_SECONDS", "12",
                "HITKEEP_MAX_RETRIES", "4",
                "TALLY_LOG_LEVEL", " headers "));

        ClientOptions o = ClientOptions.builder().fromEnvironment(env, "HITKEEP").build();

        assertThat(o.baseUrl().toString()).isEqualTo("https://analytics.example.com/");
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(o.retryPolicy().maxRetries()).isEqualTo(4);
        assertThat(o.logLevel()).isEqualTo(LogLevel.HEADERS);
    }

    @Test
    void unsetOrBlankVariablesLeaveTheCurrentValues() {
        ClientOptions o = ClientOptions.builder().baseUrl("https://kept.example.com").maxRetries(1)
                .fromEnvironment(Environment.of(Map.of("X_BASE_URL", "  ")), "X").build();

        assertThat(o.baseUrl().host()).isEqualTo("kept.example.com");
        assertThat(o.retryPolicy().maxRetries()).isEqualTo(1);
    }

    @Test
    void badVariablesAreNamedInTheError() {
        assertThatThrownBy(() -> ClientOptions.builder()
                .fromEnvironment(Environment.of(Map.of("X_TIMEOUT_SECONDS", "ten")), "X"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("X_TIMEOUT_SECONDS")
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> ClientOptions.builder()
                .fromEnvironment(Environment.of(Map.of("X_MAX_RETRIES", "lots")), "X"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("X_MAX_RETRIES");
        assertThatThrownBy(() -> ClientOptions.builder()
                .fromEnvironment(Environment.of(Map.of("TALLY_LOG_LEVEL", "LOUD")), "X"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NONE, BASIC or HEADERS");
        assertThatThrownBy(() -> Environment.of(Map.of()).require("HITKEEP_API_TOKEN", "an API token"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable HITKEEP_API_TOKEN is not set; set it to an API token");
    }

    @Test
    void toBuilderCopiesEverything() {
        ClientOptions o = ClientOptions.builder().baseUrl("https://a.example.com").userAgent("app/2")
                .defaultHeader("X-A", "1").secretHeader("X-Secret").rateLimit(RateLimit.of(5, 5))
                .logLevel(LogLevel.BASIC).build();

        ClientOptions copy = o.toBuilder().build();

        assertThat(copy.baseUrl()).isEqualTo(o.baseUrl());
        assertThat(copy.userAgent()).isEqualTo("app/2");
        assertThat(copy.defaultHeaders()).isEqualTo(Map.of("X-A", "1"));
        assertThat(copy.secretHeaders()).containsExactly("x-secret");
        assertThat(copy.rateLimit()).isSameAs(o.rateLimit());
        assertThat(copy.logLevel()).isEqualTo(LogLevel.BASIC);
    }
}
