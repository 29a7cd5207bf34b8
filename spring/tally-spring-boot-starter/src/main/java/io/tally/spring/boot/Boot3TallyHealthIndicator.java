package io.tally.spring.boot;

import io.tally.spring.boot.TallyHealthCheck.Result;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code tally} health indicator on Spring Boot 3.5. */
public final class Boot3TallyHealthIndicator implements HealthIndicator {
    private final TallyHealth health;

    /**
     * An indicator reporting {@code health}.
     *
     * @param health the providers' checks
     */
    public Boot3TallyHealthIndicator(TallyHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        Result result = health.check();
        return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
    }
}
