package io.tally.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder every provider client extends: shared settings, fromEnv with a prefix, provider hooks. */
class ClientBuilderTest {
    /** A provider builder as a provider module writes one: one credential setter and one variable of its own. */
    static final class ExampleBuilder extends ClientBuilder<ExampleBuilder, ClientOptions> {
        private final boolean defaultBaseUrl;
        String workspace;

        ExampleBuilder(boolean defaultBaseUrl) {
            super("Example", "EXAMPLE", "the Example API's URL, e.g. https://api.example.com");
            this.defaultBaseUrl = defaultBaseUrl;
            if (defaultBaseUrl) {
                baseUrl("https://default.example.com");
            }
        }

        ExampleBuilder apiKey(String key) {
            return credentials(Credentials.bearer("apiKey", key));
        }

        @Override
        protected void readEnvironment(Environment env) {
            env.get("EXAMPLE_API_KEY").ifPresent(k -> fromVariable("EXAMPLE_API_KEY", () -> apiKey(k)));
            workspace = env.get("EXAMPLE_WORKSPACE").orElse(null);
        }

        @Override
        protected boolean hasDefaultBaseUrl() {
            return defaultBaseUrl;
        }

        @Override
        public ClientOptions build() {
            return buildOptions();
        }
    }

    @Test
    void everySharedSettingReachesTheOptions() {
        RetryPolicy policy = RetryPolicy.builder().maxRetries(1).build();
        ClientOptions o = new ExampleBuilder(false).baseUrl("https://api.example.com")
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(3)).writeTimeout(Duration.ofSeconds(4))
                .callTimeout(Duration.ofSeconds(5))
                .retryPolicy(policy).maxRetries(6).rateLimit(RateLimit.of(5, 10)).logLevel(LogLevel.BASIC)
                .userAgent("app/1").options(b -> b.defaultHeader("X-A", "1")).apiKey("k-123456").build();

        assertThat(o.baseUrl().host()).isEqualTo("api.example.com");
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.writeTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.retryPolicy().maxRetries()).isEqualTo(6);
        assertThat(o.rateLimit()).hasToString(RateLimit.of(5, 10).toString());
        assertThat(o.logLevel()).isEqualTo(LogLevel.BASIC);
        assertThat(o.userAgent()).isEqualTo("app/1");
        assertThat(o.defaultHeaders()).containsEntry("X-A", "1");
        assertThat(o.credentials().has(Credentials.Kind.BEARER)).isTrue();
    }

    @Test
    void fromEnvReadsTheCommonVariablesWithTheProviderPrefixThenTheProvidersOwn() {
        Map<String, String> vars = new HashMap<>();
        vars.put("EXAMPLE_BASE_URL", "https://env.example.com");
        vars.put("EXAMPLE_TIMEOUT_SECONDS", "12");
        vars.put("EXAMPLE_MAX_RETRIES", "4");
        vars.put("TALLY_LOG_LEVEL", "headers");
        vars.put("EXAMPLE_API_KEY", "k-123456");
        vars.put("EXAMPLE_WORKSPACE", "ws-1");
        ExampleBuilder b = new ExampleBuilder(false).fromEnv(Environment.of(vars));
        ClientOptions o = b.build();

        assertThat(o.baseUrl().host()).isEqualTo("env.example.com");
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(o.retryPolicy().maxRetries()).isEqualTo(4);
        assertThat(o.logLevel()).isEqualTo(LogLevel.HEADERS);
        assertThat(o.credentials().has(Credentials.Kind.BEARER)).isTrue();
        assertThat(b.workspace).isEqualTo("ws-1");
    }

    @Test
    void aMissingBaseUrlNamesTheVariableAndTheSetter() {
        assertThatThrownBy(() -> new ExampleBuilder(false).fromEnv(Environment.of(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable EXAMPLE_BASE_URL is not set; set it to the Example API's URL, "
                        + "e.g. https://api.example.com");
        assertThatThrownBy(() -> new ExampleBuilder(false).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl is not set")
                .hasMessageContaining("EXAMPLE_BASE_URL");
        assertThat(new ExampleBuilder(true).fromEnv(Environment.of(Map.of())).build().baseUrl().host())
                .isEqualTo("default.example.com");
    }

    @Test
    void aBadValueNamesItsVariable() {
        Map<String, String> vars = new HashMap<>();
        vars.put("EXAMPLE_BASE_URL", "not a url");
        assertThatThrownBy(() -> new ExampleBuilder(false).fromEnv(Environment.of(vars)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EXAMPLE_BASE_URL is invalid");
        vars.put("EXAMPLE_BASE_URL", "https://env.example.com");
        vars.put("EXAMPLE_MAX_RETRIES", "99");
        assertThatThrownBy(() -> new ExampleBuilder(false).fromEnv(Environment.of(vars)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EXAMPLE_MAX_RETRIES is invalid");
        vars.remove("EXAMPLE_MAX_RETRIES");
        vars.put("EXAMPLE_API_KEY", " ");
        vars.put("TALLY_LOG_LEVEL", "LOUD");
        assertThatThrownBy(() -> new ExampleBuilder(false).fromEnv(Environment.of(vars)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NONE, BASIC or HEADERS");
    }
}
