package io.tally.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.core.Credentials;
import io.tally.core.Environment;
import io.tally.core.LogLevel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HitKeep's builder on core's ClientBuilder: the documented environment variables and its own settings. */
class HitKeepBuilderTest {
    @Test
    void fromEnvReadsTheDocumentedVariables() {
        Map<String, String> vars = new HashMap<>();
        vars.put("HITKEEP_BASE_URL", "https://analytics.example.com");
        vars.put("HITKEEP_API_TOKEN", "0123456789abcdef");
        vars.put("HITKEEP_TOKEN_HEADER", "x-api-key");
        vars.put("HITKEEP_TIMEOUT_SECONDS", "12");
        vars.put("HITKEEP_MAX_RETRIES", "4");
        vars.put("TALLY_LOG_LEVEL", "basic");

        HitKeep hitkeep = HitKeep.fromEnv(Environment.of(vars));

        assertThat(hitkeep.options().baseUrl().host()).isEqualTo("analytics.example.com");
        assertThat(hitkeep.options().readTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(hitkeep.options().retryPolicy().maxRetries()).isEqualTo(4);
        assertThat(hitkeep.options().logLevel()).isEqualTo(LogLevel.BASIC);
        assertThat(hitkeep.options().credentials().has(Credentials.Kind.API_KEY)).isTrue();
        assertThat(hitkeep.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void fromEnvNamesTheVariableThatIsMissingOrWrong() {
        assertThatThrownBy(() -> HitKeep.fromEnv(Environment.of(Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HITKEEP_BASE_URL is not set");
        assertThatThrownBy(() -> HitKeep.fromEnv(Environment.of(Map.of("HITKEEP_BASE_URL", "https://a.example.com",
                "HITKEEP_TOKEN_HEADER", "cookie"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HITKEEP_TOKEN_HEADER");
    }

    @Test
    void sharedSettingsReturnTheHitKeepBuilderSoItsOwnSettingsFollow() {
        HitKeep hitkeep = HitKeep.builder().readTimeout(Duration.ofSeconds(7)).maxRetries(0)
                .baseUrl("https://analytics.example.com").apiToken("0123456789abcdef").originHeader(false).build();

        assertThat(hitkeep.options().readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(hitkeep.origin()).isNull();
        assertThatThrownBy(() -> HitKeep.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl is not set").hasMessageContaining("HITKEEP_BASE_URL");
    }
}
