package io.tally.spring.boot;

import java.util.Map;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code tally} indicator on Spring Boot 4's health API. */
class Boot4HealthIndicatorTest extends TallyHealthIndicatorContract {
    @Override
    String bootVersionPrefix() {
        return "4.0.";
    }

    @Override
    String status(Object indicator) {
        return ((HealthIndicator) indicator).health().getStatus().getCode();
    }

    @Override
    Map<String, Object> details(Object indicator) {
        return ((HealthIndicator) indicator).health().getDetails();
    }
}
