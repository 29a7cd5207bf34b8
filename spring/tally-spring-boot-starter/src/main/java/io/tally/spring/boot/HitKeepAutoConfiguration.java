package io.tally.spring.boot;

import io.tally.core.RequestListener;
import io.tally.hitkeep.HitKeep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link HitKeep} client from {@code tally.hitkeep.*} when {@code tally.hitkeep.base-url} is set,
 * with every {@link RequestListener} bean and {@code TallyBuilderCustomizer<HitKeep.Builder>} bean
 * applied, and a {@code hitkeep} health check against the instance's readiness probe.
 */
@AutoConfiguration
@ConditionalOnClass(HitKeep.class)
@ConditionalOnProperty(prefix = "tally.hitkeep", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(HitKeepProperties.class)
public class HitKeepAutoConfiguration {
    /** Created by Spring. */
    public HitKeepAutoConfiguration() {}

    /**
     * The client.
     *
     * @param properties  {@code tally.hitkeep.*}
     * @param listeners   every request listener bean
     * @param customizers every customizer of HitKeep's builder
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tally.hitkeep", name = "base-url")
    public HitKeep tallyHitKeep(HitKeepProperties properties, ObjectProvider<RequestListener> listeners,
            ObjectProvider<TallyBuilderCustomizer<HitKeep.Builder>> customizers) {
        HitKeep.Builder builder = properties.toBuilder();
        listeners.orderedStream().forEach(builder::requestListener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The {@code hitkeep} part of the {@code tally} health indicator: up when the instance's
     * readiness probe ({@code GET /readyz}) answers.
     *
     * @param client the client
     * @return the check
     */
    @Bean
    @ConditionalOnProperty(prefix = "tally.hitkeep", name = "base-url")
    @ConditionalOnMissingBean(name = "hitKeepHealthCheck")
    public TallyHealthCheck hitKeepHealthCheck(HitKeep client) {
        return new TallyHealthCheck() {
            @Override
            public String name() {
                return "hitkeep";
            }

            @Override
            public Result check() {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("baseUrl", String.valueOf(client.options().baseUrl()));
                try {
                    details.put("readiness", client.server().readiness().execute());
                    return Result.up(details);
                } catch (RuntimeException e) {
                    details.put("error", e.getClass().getSimpleName());
                    return Result.down(details);
                }
            }
        };
    }
}
