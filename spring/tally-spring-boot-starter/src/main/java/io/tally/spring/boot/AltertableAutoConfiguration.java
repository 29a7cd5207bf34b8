package io.tally.spring.boot;

import io.tally.altertable.Altertable;
import io.tally.core.RequestListener;
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
 * An {@link Altertable} client from {@code tally.altertable.*} when {@code tally.altertable.api-key}
 * is set, with every {@link RequestListener} bean and {@code TallyBuilderCustomizer<Altertable.Builder>}
 * bean applied; closed (queued events sent, waiting at most the close timeout) when the context shuts
 * down; and an {@code altertable} health check showing the queue.
 */
@AutoConfiguration
@ConditionalOnClass(Altertable.class)
@ConditionalOnProperty(prefix = "tally.altertable", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AltertableProperties.class)
public class AltertableAutoConfiguration {
    /** Created by Spring. */
    public AltertableAutoConfiguration() {}

    /**
     * The client; {@link Altertable#close()} at shutdown sends what is queued.
     *
     * @param properties  {@code tally.altertable.*}
     * @param listeners   every request listener bean
     * @param customizers every customizer of Altertable's builder
     * @return the client, its sender thread started
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tally.altertable", name = "api-key")
    public Altertable tallyAltertable(AltertableProperties properties, ObjectProvider<RequestListener> listeners,
            ObjectProvider<TallyBuilderCustomizer<Altertable.Builder>> customizers) {
        Altertable.Builder builder = properties.toBuilder();
        listeners.orderedStream().forEach(builder::requestListener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The {@code altertable} part of the {@code tally} health indicator: the environment and the
     * events queued and not yet acknowledged. Altertable has no probe route, so it is up while the
     * client is open.
     *
     * @param client the client
     * @return the check
     */
    @Bean
    @ConditionalOnProperty(prefix = "tally.altertable", name = "api-key")
    @ConditionalOnMissingBean(name = "altertableHealthCheck")
    public TallyHealthCheck altertableHealthCheck(Altertable client) {
        return new TallyHealthCheck() {
            @Override
            public String name() {
                return "altertable";
            }

            @Override
            public Result check() {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("environment", client.environment().slug());
                details.put("queued", client.queuedCount());
                return Result.up(details);
            }
        };
    }
}
