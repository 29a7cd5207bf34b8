package io.tally.spring.boot;

import io.tally.alke.Alke;
import io.tally.core.RequestListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * An {@link Alke} client from {@code tally.alke.*} when {@code tally.alke.api-token} or
 * {@code tally.alke.base-url} is set, with every {@link RequestListener} bean and
 * {@code TallyBuilderCustomizer<Alke.Builder>} bean applied. There is no {@code alke} health check: the
 * API's one route runs a report, which is not a cheap probe.
 */
@AutoConfiguration
@ConditionalOnClass(Alke.class)
@ConditionalOnProperty(prefix = "tally.alke", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AlkeProperties.class)
public class AlkeAutoConfiguration {
    /** Created by Spring. */
    public AlkeAutoConfiguration() {}

    /**
     * The client.
     *
     * @param properties  {@code tally.alke.*}
     * @param listeners   every request listener bean
     * @param customizers every customizer of Alke's builder
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAnyProperty(prefix = "tally.alke", names = {"api-token", "base-url"})
    public Alke tallyAlke(AlkeProperties properties, ObjectProvider<RequestListener> listeners,
            ObjectProvider<TallyBuilderCustomizer<Alke.Builder>> customizers) {
        Alke.Builder builder = properties.toBuilder();
        listeners.orderedStream().forEach(builder::requestListener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }
}
