package io.tally.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the {@code tally} health indicator does on every Spring Boot version: each version's test
 * ({@code Boot4HealthIndicatorTest} here, {@code Boot3HealthIndicatorTest} in {@code boot3-tests})
 * says which version it runs on and how to read that version's {@code Health}.
 */
abstract class TallyHealthIndicatorContract {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TallyHealthAutoConfiguration.class));

    /** The Spring Boot version this test is for, e.g. {@code 4.0.}. */
    abstract String bootVersionPrefix();

    /** The indicator's status code ({@code UP}, {@code DOWN}), read through this version's API. */
    abstract String status(Object indicator);

    /** The indicator's details, read through this version's API. */
    abstract Map<String, Object> details(Object indicator);

    private static TallyHealthCheck check(String name, boolean up) {
        return new TallyHealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return new Result(up, Map.of("probe", name));
            }
        };
    }

    @Test
    void runsOnTheSpringBootVersionThisModuleIsFor() {
        assertThat(org.springframework.boot.SpringBootVersion.getVersion()).startsWith(bootVersionPrefix());
    }

    @Test
    void reportsDownWhenAnyProviderIsDown() {
        runner.withBean("a", TallyHealthCheck.class, () -> check("a", true))
                .withBean("b", TallyHealthCheck.class, () -> check("b", false))
                .run(context -> {
                    Object indicator = context.getBean("tallyHealthIndicator");
                    assertThat(status(indicator)).isEqualTo("DOWN");
                    assertThat(details(indicator)).containsEntry("a", Map.of("status", "UP", "probe", "a"))
                            .containsEntry("b", Map.of("status", "DOWN", "probe", "b"));
                });
    }

    @Test
    void reportsUpWhenAllAreUpAndCanBeSwitchedOff() {
        runner.withBean("a", TallyHealthCheck.class, () -> check("a", true))
                .run(context -> assertThat(status(context.getBean("tallyHealthIndicator"))).isEqualTo("UP"));
        runner.withPropertyValues("management.health.tally.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("tallyHealthIndicator"));
    }
}
