package io.tally.spring.boot;

import io.tally.spring.boot.TallyHealthCheck.Result;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code tally} health indicator on Spring Boot 4. */
public final class Boot4TallyHealthIndicator implements HealthIndicator {
    private final TallyHealth health;

    /**
     * An indicator reporting {@code health}.
     *
     * @param health the providers' checks
     */
    public Boot4TallyHealthIndicator(TallyHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        Result result = health.check();
        return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
    }
}
