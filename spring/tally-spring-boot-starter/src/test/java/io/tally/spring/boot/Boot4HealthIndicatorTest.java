package io.tally.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code tally} indicator on Spring Boot 4's health API. */
class Boot4HealthIndicatorTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TallyHealthAutoConfiguration.class));

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
        assertThat(org.springframework.boot.SpringBootVersion.getVersion()).startsWith("4.0.");
    }

    @Test
    void reportsDownWhenAnyProviderIsDown() {
        runner.withBean("a", TallyHealthCheck.class, () -> check("a", true))
                .withBean("b", TallyHealthCheck.class, () -> check("b", false))
                .run(context -> {
                    Health health = context.getBean("tallyHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("a", Map.of("status", "UP", "probe", "a"))
                            .containsEntry("b", Map.of("status", "DOWN", "probe", "b"));
                });
    }

    @Test
    void reportsUpWhenAllAreUpAndCanBeSwitchedOff() {
        runner.withBean("a", TallyHealthCheck.class, () -> check("a", true))
                .run(context -> assertThat(context.getBean("tallyHealthIndicator", HealthIndicator.class).health()
                        .getStatus()).isEqualTo(Status.UP));
        runner.withPropertyValues("management.health.tally.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("tallyHealthIndicator"));
    }
}
