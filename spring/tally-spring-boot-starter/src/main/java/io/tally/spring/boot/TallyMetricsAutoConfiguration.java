package io.tally.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of every Tally client's calls ({@link MicrometerRequestListener}) when the
 * application has a {@link MeterRegistry}. Off with {@code tally.metrics.enabled=false}.
 */
@AutoConfiguration(afterName = {
        // Spring Boot 3.5 and 4.0 names of the auto-configuration that creates the registry
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "tally.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TallyMetricsAutoConfiguration {
    /** Created by Spring. */
    public TallyMetricsAutoConfiguration() {}

    /**
     * The listener every client gets.
     *
     * @param registry where the meters go
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerRequestListener tallyMicrometerRequestListener(MeterRegistry registry) {
        return new MicrometerRequestListener(registry);
    }
}
