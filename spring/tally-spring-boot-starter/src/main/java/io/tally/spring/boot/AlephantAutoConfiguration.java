package io.tally.spring.boot;

import io.tally.alephant.Alephant;
import io.tally.alephant.model.AlephantObject;
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
 * An {@link Alephant} client from {@code tally.alephant.*} when any of its credentials, its
 * workspace id or its base URLs is set, with every {@link RequestListener} bean and
 * {@code TallyBuilderCustomizer<Alephant.Builder>} bean applied, and an {@code alephant} health check
 * against the two public health routes (no credentials sent).
 */
@AutoConfiguration
@ConditionalOnClass(Alephant.class)
@ConditionalOnProperty(prefix = "tally.alephant", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AlephantProperties.class)
public class AlephantAutoConfiguration {
    /** Created by Spring. */
    public AlephantAutoConfiguration() {}

    /**
     * The client.
     *
     * @param properties  {@code tally.alephant.*}
     * @param listeners   every request listener bean
     * @param customizers every customizer of Alephant's builder
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAnyProperty(prefix = "tally.alephant", names = {"pat", "jwt", "virtual-key", "workspace-id",
            "base-url", "analytics-base-url"})
    public Alephant tallyAlephant(AlephantProperties properties, ObjectProvider<RequestListener> listeners,
            ObjectProvider<TallyBuilderCustomizer<Alephant.Builder>> customizers) {
        Alephant.Builder builder = properties.toBuilder();
        listeners.orderedStream().forEach(builder::requestListener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The {@code alephant} part of the {@code tally} health indicator: up when both hosts answer their
     * health routes ({@code GET /api/v1/cockpit/health} on the SaaS host, {@code GET /v1/analytics/health}
     * on the Analytics host).
     *
     * @param client the client
     * @return the check
     */
    @Bean
    @ConditionalOnAnyProperty(prefix = "tally.alephant", names = {"pat", "jwt", "virtual-key", "workspace-id",
            "base-url", "analytics-base-url"})
    @ConditionalOnMissingBean(name = "alephantHealthCheck")
    public TallyHealthCheck alephantHealthCheck(Alephant client) {
        return new TallyHealthCheck() {
            @Override
            public String name() {
                return "alephant";
            }

            @Override
            public Result check() {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("baseUrl", String.valueOf(client.options().baseUrl()));
                details.put("analyticsBaseUrl", String.valueOf(client.analyticsBaseUrl()));
                details.put("credential", client.credentialType().name());
                try {
                    details.put("cockpit", status(client.cockpit().health().execute()));
                    details.put("analytics", status(client.collector().health().execute()));
                    return Result.up(details);
                } catch (RuntimeException e) {
                    details.put("error", e.getClass().getSimpleName());
                    return Result.down(details);
                }
            }
        };
    }

    private static String status(AlephantObject health) {
        return health.field("status").map(s -> s.asText()).orElse("answered");
    }
}
