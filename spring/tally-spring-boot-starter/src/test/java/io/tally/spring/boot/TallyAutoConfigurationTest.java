package io.tally.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.altertable.Altertable;
import io.tally.core.RequestListener;
import io.tally.hitkeep.HitKeep;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.Grant;
import io.tally.testkit.hitkeep.Role;
import io.tally.testkit.server.Fault;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The starter against the testkit fakes, on whichever Spring Boot version is on the classpath (this
 * class runs on Boot 4 in the starter's module and on Boot 3.5 in {@code boot3-tests}).
 */
class TallyAutoConfigurationTest {
    private static final String TOKEN = "starter-test-token-0123456789";

    private static FakeHitKeep hitKeep;
    private static FakeAltertable altertable;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HitKeepAutoConfiguration.class, AltertableAutoConfiguration.class,
                    TallyMetricsAutoConfiguration.class, TallyHealthAutoConfiguration.class));

    @BeforeAll
    static void startFakes() {
        hitKeep = FakeHitKeep.start();
        altertable = FakeAltertable.builder().environments("production", "staging").start();
    }

    @AfterAll
    static void stopFakes() {
        hitKeep.close();
        altertable.close();
    }

    @BeforeEach
    void resetFakes() {
        hitKeep.reset();
        hitKeep.addToken(TOKEN, Grant.allSites(Role.VIEWER));
        altertable.reset();
    }

    /** Waits are recorded, never slept, and no test depends on the system clock. */
    @Configuration(proxyBeanMethods = false)
    static class RecordedWaits {
        @Bean
        RecordingSleeper sleeper() {
            return new RecordingSleeper();
        }

        @Bean
        TallyBuilderCustomizer<HitKeep.Builder> hitKeepWaits(RecordingSleeper sleeper) {
            return builder -> builder.sleeper(sleeper);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Metrics {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void withoutPropertiesNoClientIsCreated() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(HitKeep.class);
            assertThat(context).doesNotHaveBean(Altertable.class);
            assertThat(context).doesNotHaveBean(TallyHealthCheck.class);
        });
    }

    @Test
    void hitKeepClientIsConfiguredFromProperties() {
        runner.withPropertyValues("tally.hitkeep.base-url=" + hitKeep.baseUrl(), "tally.hitkeep.api-token=" + TOKEN,
                "tally.hitkeep.read-timeout=7s", "tally.hitkeep.max-retries=4", "tally.hitkeep.user-agent=shop/1.0",
                "tally.hitkeep.rate-limit.permits-per-second=50", "tally.hitkeep.max-body-size=2MB")
                .run(context -> {
                    HitKeep client = context.getBean(HitKeep.class);
                    assertThat(client.options().readTimeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(client.options().retryPolicy().maxRetries()).isEqualTo(4);
                    assertThat(client.options().userAgent()).isEqualTo("shop/1.0");
                    assertThat(client.options().rateLimit().permitsPerSecond()).isEqualTo(50.0);
                    assertThat(client.options().maxBodySize()).isEqualTo(2L * 1024 * 1024);
                    // the token was sent: an authenticated route answers
                    assertThat(client.sites().list().execute()).isNotEmpty();
                    assertThat(hitKeep.lastRequest().header("Authorization")).contains("Bearer " + TOKEN);
                });
    }

    @Test
    void disabledProviderGetsNoClient() {
        runner.withPropertyValues("tally.hitkeep.base-url=" + hitKeep.baseUrl(), "tally.hitkeep.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HitKeep.class));
    }

    @Test
    void invalidPropertyFailsStartupNamingTheSetting() {
        runner.withPropertyValues("tally.hitkeep.base-url=not a url")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl"));
    }

    @Test
    void altertableIsFlushedAndClosedWhenTheContextShutsDown() {
        Altertable[] client = new Altertable[1];
        runner.withPropertyValues("tally.altertable.api-key=" + FakeAltertable.DEFAULT_API_KEY,
                "tally.altertable.base-url=" + altertable.baseUrl(), "tally.altertable.flush-at=1000",
                "tally.altertable.flush-interval=1h", "tally.altertable.environment=staging")
                .run(context -> {
                    client[0] = context.getBean(Altertable.class);
                    assertThat(client[0].environment().slug()).isEqualTo("staging");
                    client[0].track("order_placed", "user-1");
                    assertThat(altertable.events()).isEmpty(); // held back: flush-at and flush-interval not reached
                });
        // the runner closed the context: close() sent what was queued before returning
        assertThat(altertable.tracks()).hasSize(1);
        assertThat(altertable.tracks().get(0).event()).isEqualTo("order_placed");
        assertThat(altertable.tracks().get(0).environment()).isEqualTo("staging");
        assertThat(client[0].queuedCount()).isZero();
    }

    @Test
    void callsAreTimedAndRetriesCountedInMicrometer() {
        runner.withUserConfiguration(Metrics.class, RecordedWaits.class)
                .withPropertyValues("tally.hitkeep.base-url=" + hitKeep.baseUrl(), "tally.hitkeep.max-retries=2")
                .run(context -> {
                    hitKeep.failNext(Fault.status(503));
                    context.getBean(HitKeep.class).server().health().execute();

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Timer timer = registry.get(MicrometerRequestListener.REQUESTS).tags("provider", "HitKeep",
                            "method", "GET", "route", "/healthz", "status", "200", "outcome", "SUCCESS").timer();
                    assertThat(timer.count()).isEqualTo(1);
                    assertThat(
                            registry.get(MicrometerRequestListener.RETRIES).tags("route", "/healthz", "status", "503")
                                    .counter().count())
                            .isEqualTo(1.0);
                    assertThat(context.getBean(RecordingSleeper.class).waits()).hasSize(1);
                });
    }

    @Test
    void failedCallsAreTimedWithTheirStatusAndException() {
        runner.withUserConfiguration(Metrics.class)
                .withPropertyValues("tally.hitkeep.base-url=" + hitKeep.baseUrl(),
                        "tally.hitkeep.api-token=wrong-token-999")
                .run(context -> {
                    HitKeep client = context.getBean(HitKeep.class);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.sites().list().execute())
                            .isInstanceOf(io.tally.core.AuthenticationException.class);

                    Timer timer = context.getBean(MeterRegistry.class).get(MicrometerRequestListener.REQUESTS)
                            .tags("status", "401", "outcome", "FAILURE", "exception", "AuthenticationException")
                            .timer();
                    assertThat(timer.count()).isEqualTo(1);
                });
    }

    @Test
    void metricsCanBeSwitchedOff() {
        runner.withUserConfiguration(Metrics.class)
                .withPropertyValues("tally.hitkeep.base-url=" + hitKeep.baseUrl(), "tally.metrics.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(RequestListener.class);
                    context.getBean(HitKeep.class).server().health().execute();
                    assertThat(context.getBean(MeterRegistry.class).find(MicrometerRequestListener.REQUESTS).timers())
                            .isEmpty();
                });
    }

    @Test
    void healthIsUpWhileTheProvidersAnswerAndDownWhenOneDoesNot() {
        runner.withPropertyValues("tally.hitkeep.base-url=" + hitKeep.baseUrl(), "tally.hitkeep.max-retries=0",
                "tally.altertable.api-key=" + FakeAltertable.DEFAULT_API_KEY,
                "tally.altertable.base-url=" + altertable.baseUrl())
                .run(context -> {
                    TallyHealth health = context.getBean(TallyHealth.class);
                    TallyHealthCheck.Result up = health.check();
                    assertThat(up.up()).isTrue();
                    assertThat(up.details()).containsOnlyKeys("hitkeep", "altertable");
                    assertThat(up.details().get("hitkeep")).isEqualTo(Map.of("status", "UP",
                            "baseUrl", hitKeep.baseUrl() + "/", "readiness", "Ready"));
                    assertThat(up.details().get("altertable")).isEqualTo(Map.of("status", "UP",
                            "environment", "production", "queued", 0));

                    hitKeep.failNext(Fault.status(503));
                    TallyHealthCheck.Result down = health.check();
                    assertThat(down.up()).isFalse();
                    assertThat(down.details().get("hitkeep")).isEqualTo(Map.of("status", "DOWN",
                            "baseUrl", hitKeep.baseUrl() + "/", "error", "ServerException"));
                    assertThat(down.toString()).doesNotContain(FakeAltertable.DEFAULT_API_KEY);
                });
    }

    @Test
    void configurationMetadataDescribesEveryProviderProperty() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"name\": \"tally.hitkeep.base-url\"",
                    "\"name\": \"tally.hitkeep.api-token\"",
                    "\"name\": \"tally.altertable.api-key\"", "\"name\": \"tally.altertable.close-timeout\"",
                    "\"name\": \"tally.hitkeep.rate-limit.permits-per-second\"",
                    "The Product Analytics API key");
        }
    }
}
