package io.tally.spring.boot;

import java.util.Map;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code tally} indicator on Spring Boot 3.5's health API. */
class Boot3HealthIndicatorTest extends TallyHealthIndicatorContract {
    @Override
    String bootVersionPrefix() {
        return "3.5.";
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
