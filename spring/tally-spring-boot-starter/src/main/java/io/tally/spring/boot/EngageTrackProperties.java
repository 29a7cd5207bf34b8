package io.tally.spring.boot;

import io.tally.engagetrack.EngageTrack;
import io.tally.engagetrack.EngageTrackSender;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code tally.engagetrack.*}: the EngageTrack client. The client is created when any of
 * {@code api-key}, {@code session-token}, {@code organization-id} or {@code base-url} is set (and
 * {@code tally.engagetrack.enabled} is not {@code false}); the base URL defaults to
 * {@value EngageTrack#DEFAULT_BASE_URL}.
 */
@ConfigurationProperties(prefix = "tally.engagetrack")
public class EngageTrackProperties extends TallyClientProperties {
    /** An API key (et_live_ and 32 hex characters) for the data routes, limited by its scopes. */
    private @Nullable String apiKey;

    /** A user session token (JWT) for the routes that refuse API keys: site creation, API-key management. */
    private @Nullable String sessionToken;

    /** The organisation every /organizations/{orgId} route uses, from the EngageTrack dashboard. */
    private @Nullable String organizationId;

    /** {@code tally.engagetrack.sender.*}: the queued server-side sender of /event and /identify. */
    private final Sender sender = new Sender();

    /** Creates the properties with every value unset. */
    public EngageTrackProperties() {}

    /**
     * A builder with these settings.
     *
     * @return the builder, not yet built
     * @throws IllegalArgumentException naming the setting when a value is invalid, or when both an API
     *     key and a session token are set
     */
    public EngageTrack.Builder toBuilder() {
        if (hasText(apiKey) && hasText(sessionToken)) {
            throw new IllegalArgumentException("tally.engagetrack: set api-key or session-token, not both (a client "
                    + "holds one credential; make a second client with withSessionToken(...) for the session-only routes)");
        }
        EngageTrack.Builder builder = EngageTrack.builder();
        applyTo(builder);
        if (apiKey != null && hasText(apiKey)) {
            builder.apiKey(apiKey.trim());
        }
        if (sessionToken != null && hasText(sessionToken)) {
            builder.sessionToken(sessionToken.trim());
        }
        if (organizationId != null && hasText(organizationId)) {
            builder.organizationId(organizationId.trim());
        }
        return builder;
    }

    /** @return the API key, or {@code null} */
    public @Nullable String getApiKey() {
        return apiKey;
    }

    /** @param apiKey an API key for the data routes */
    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the session token, or {@code null} */
    public @Nullable String getSessionToken() {
        return sessionToken;
    }

    /** @param sessionToken a user session token for the session-only routes */
    public void setSessionToken(@Nullable String sessionToken) {
        this.sessionToken = sessionToken;
    }

    /** @return the organisation id, or {@code null} */
    public @Nullable String getOrganizationId() {
        return organizationId;
    }

    /** @param organizationId the organisation every organisation route uses */
    public void setOrganizationId(@Nullable String organizationId) {
        this.organizationId = organizationId;
    }

    /** @return {@code tally.engagetrack.sender.*} */
    public Sender getSender() {
        return sender;
    }

    /**
     * A sender builder with these settings: the shared client settings ({@code base-url}, timeouts, retries,
     * user agent) and {@code tally.engagetrack.sender.*}. The sender sends no credential (ingestion takes the
     * site's public id in each record).
     *
     * @return the builder, not yet built
     * @throws IllegalArgumentException naming the setting when a value is invalid
     */
    public EngageTrackSender.Builder toSenderBuilder() {
        EngageTrackSender.Builder builder = EngageTrackSender.builder();
        applyTo(builder);
        Duration pace = sender.getPace();
        if (pace != null) {
            builder.pace(pace);
        }
        Integer queueCapacity = sender.getQueueCapacity();
        if (queueCapacity != null) {
            builder.queueCapacity(queueCapacity);
        }
        Path durableQueue = sender.getDurableQueue();
        if (durableQueue != null) {
            builder.durableQueue(durableQueue);
        }
        Duration closeTimeout = sender.getCloseTimeout();
        if (closeTimeout != null) {
            builder.closeTimeout(closeTimeout);
        }
        return builder;
    }

    /** {@code tally.engagetrack.sender.*}: the queued sender, created only when {@code enabled} is true. */
    public static class Sender {
        /** Whether to create the queued sender of /event and /identify (closed, queue sent, at shutdown). */
        private boolean enabled;

        /** The least time between two requests (SDK default 125 ms, under EngageTrack's 600 a minute). */
        private @Nullable Duration pace;

        /** Records held in memory at most (SDK default 1,000); beyond it the oldest are dropped and reported. */
        private @Nullable Integer queueCapacity;

        /** A directory that keeps the queue across restarts; unset for memory only. */
        private @Nullable Path durableQueue;

        /** How long closing waits for the queue to be sent (SDK default 10 s). */
        private @Nullable Duration closeTimeout;

        /** Creates the settings with every value unset. */
        public Sender() {}

        /** @return whether the sender is created */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether to create the sender */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the pace, or {@code null} for the SDK's */
        public @Nullable Duration getPace() {
            return pace;
        }

        /** @param pace the least time between two requests */
        public void setPace(@Nullable Duration pace) {
            this.pace = pace;
        }

        /** @return the queue capacity, or {@code null} for the SDK's */
        public @Nullable Integer getQueueCapacity() {
            return queueCapacity;
        }

        /** @param queueCapacity records held in memory at most */
        public void setQueueCapacity(@Nullable Integer queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        /** @return the durable queue directory, or {@code null} */
        public @Nullable Path getDurableQueue() {
            return durableQueue;
        }

        /** @param durableQueue a directory that keeps the queue across restarts */
        public void setDurableQueue(@Nullable Path durableQueue) {
            this.durableQueue = durableQueue;
        }

        /** @return the close timeout, or {@code null} for the SDK's */
        public @Nullable Duration getCloseTimeout() {
            return closeTimeout;
        }

        /** @param closeTimeout how long closing waits for the queue to be sent */
        public void setCloseTimeout(@Nullable Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
        }
    }
}
