package io.tally.spring.boot;

import io.tally.core.RequestListener;
import io.tally.engagetrack.EngageTrack;
import io.tally.engagetrack.EngageTrackSender;
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
 * An {@link EngageTrack} client from {@code tally.engagetrack.*} when any of its credentials, its
 * organisation id or its base URL is set, with every {@link RequestListener} bean and
 * {@code TallyBuilderCustomizer<EngageTrack.Builder>} bean applied; and, when a credential and the
 * organisation id are set, an {@code engagetrack} health check that lists the organisation's sites; with
 * {@code tally.engagetrack.sender.enabled=true}, the queued {@link EngageTrackSender}, closed at shutdown.
 */
@AutoConfiguration
@ConditionalOnClass(EngageTrack.class)
@ConditionalOnProperty(prefix = "tally.engagetrack", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(EngageTrackProperties.class)
public class EngageTrackAutoConfiguration {
    /** Created by Spring. */
    public EngageTrackAutoConfiguration() {}

    /**
     * The client.
     *
     * @param properties  {@code tally.engagetrack.*}
     * @param listeners   every request listener bean
     * @param customizers every customizer of EngageTrack's builder
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAnyProperty(prefix = "tally.engagetrack", names = {"api-key", "session-token", "organization-id",
            "base-url"})
    public EngageTrack tallyEngageTrack(EngageTrackProperties properties, ObjectProvider<RequestListener> listeners,
            ObjectProvider<TallyBuilderCustomizer<EngageTrack.Builder>> customizers) {
        EngageTrack.Builder builder = properties.toBuilder();
        listeners.orderedStream().forEach(builder::requestListener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The queued server-side sender of {@code /event} and {@code /identify}, when
     * {@code tally.engagetrack.sender.enabled=true}; {@link EngageTrackSender#close()} at shutdown sends what is
     * queued (waiting at most its close timeout).
     *
     * @param properties  {@code tally.engagetrack.*}
     * @param listeners   every request listener bean
     * @param customizers every customizer of the sender's builder
     * @return the running sender
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tally.engagetrack.sender", name = "enabled", havingValue = "true")
    public EngageTrackSender tallyEngageTrackSender(EngageTrackProperties properties,
            ObjectProvider<RequestListener> listeners,
            ObjectProvider<TallyBuilderCustomizer<EngageTrackSender.Builder>> customizers) {
        EngageTrackSender.Builder builder = properties.toSenderBuilder();
        listeners.orderedStream().forEach(builder::requestListener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * The {@code engagetrack} part of the {@code tally} health indicator: up when the organisation's
     * sites can be listed ({@code GET /organizations/{orgId}/sites}, scope {@code sites:read}). EngageTrack
     * has no health route; without a credential only ingestion works, so there is no check then.
     *
     * @param client the client
     * @return the check
     */
    @Bean
    @ConditionalOnAnyProperty(prefix = "tally.engagetrack", names = {"api-key",
            "session-token"}, required = "organization-id")
    @ConditionalOnMissingBean(name = "engageTrackHealthCheck")
    public TallyHealthCheck engageTrackHealthCheck(EngageTrack client) {
        return new TallyHealthCheck() {
            @Override
            public String name() {
                return "engagetrack";
            }

            @Override
            public Result check() {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("baseUrl", String.valueOf(client.options().baseUrl()));
                details.put("organizationId", client.organizationId());
                try {
                    details.put("sites", client.sites().list().execute().size());
                    return Result.up(details);
                } catch (RuntimeException e) {
                    details.put("error", e.getClass().getSimpleName());
                    return Result.down(details);
                }
            }
        };
    }
}
