package io.tally.spring.boot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code tally} health indicator (bean {@code tallyHealthIndicator}) over every
 * {@link TallyHealthCheck}, for whichever of Spring Boot 4's and 3.5's health API is present. Off
 * with {@code management.health.tally.enabled=false}.
 */
@AutoConfiguration(after = {HitKeepAutoConfiguration.class, AltertableAutoConfiguration.class,
        EngageTrackAutoConfiguration.class, AlephantAutoConfiguration.class, AlkeAutoConfiguration.class})
@ConditionalOnProperty(prefix = "management.health.tally", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TallyHealthAutoConfiguration {
    /** Created by Spring. */
    public TallyHealthAutoConfiguration() {}

    /**
     * The checks of every configured provider.
     *
     * @param checks the providers' checks
     * @return their combined health
     */
    @Bean
    @ConditionalOnMissingBean
    public TallyHealth tallyHealth(ObjectProvider<TallyHealthCheck> checks) {
        return new TallyHealth(checks.orderedStream().toList());
    }

    /** On Spring Boot 4. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean
        @ConditionalOnMissingBean(name = "tallyHealthIndicator")
        Boot4TallyHealthIndicator tallyHealthIndicator(TallyHealth health) {
            return new Boot4TallyHealthIndicator(health);
        }
    }

    /** On Spring Boot 3.5 (and never where Boot 4's health API is present). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot3 {
        @Bean
        @ConditionalOnMissingBean(name = "tallyHealthIndicator")
        Boot3TallyHealthIndicator tallyHealthIndicator(TallyHealth health) {
            return new Boot3TallyHealthIndicator(health);
        }
    }
}
