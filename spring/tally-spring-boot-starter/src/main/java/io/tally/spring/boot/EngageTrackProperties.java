package io.tally.spring.boot;

import io.tally.engagetrack.EngageTrack;
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
}
