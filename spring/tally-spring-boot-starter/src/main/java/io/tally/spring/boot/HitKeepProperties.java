package io.tally.spring.boot;

import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.TokenHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tally.hitkeep.*}: the HitKeep client. The client is created when {@code tally.hitkeep.base-url}
 * is set (and {@code tally.hitkeep.enabled} is not {@code false}).
 */
@ConfigurationProperties(prefix = "tally.hitkeep")
public class HitKeepProperties extends TallyClientProperties {
    /** An API-client token; unset for the public and session routes only. */
    private @Nullable String apiToken;

    /** How the token is sent: BEARER (Authorization header, the default) or X_API_KEY. */
    private @Nullable TokenHeader tokenHeader;

    /** Whether to send Origin on writes under /api/ (HitKeep up to 2.11 needs it). */
    private boolean originHeader = true;

    /** The Origin to send instead of the base URL's, e.g. the public URL behind a proxy. */
    private @Nullable String origin;

    /** Creates the properties with every value unset. */
    public HitKeepProperties() {}

    /**
     * A builder with these settings.
     *
     * @return the builder, not yet built
     * @throws IllegalArgumentException naming the setting when a value is invalid
     */
    public HitKeep.Builder toBuilder() {
        HitKeep.Builder builder = HitKeep.builder();
        applyTo(builder);
        if (apiToken != null && hasText(apiToken)) {
            builder.apiToken(apiToken.trim());
        }
        if (tokenHeader != null) {
            builder.tokenHeader(tokenHeader);
        }
        builder.originHeader(originHeader);
        if (origin != null && hasText(origin)) {
            builder.origin(origin);
        }
        return builder;
    }

    /** @return the API token, or {@code null} */
    public @Nullable String getApiToken() {
        return apiToken;
    }

    /** @param apiToken an API-client token */
    public void setApiToken(@Nullable String apiToken) {
        this.apiToken = apiToken;
    }

    /** @return how the token is sent, or {@code null} for the default (bearer) */
    public @Nullable TokenHeader getTokenHeader() {
        return tokenHeader;
    }

    /** @param tokenHeader how the token is sent */
    public void setTokenHeader(@Nullable TokenHeader tokenHeader) {
        this.tokenHeader = tokenHeader;
    }

    /** @return whether Origin is sent on writes */
    public boolean isOriginHeader() {
        return originHeader;
    }

    /** @param originHeader whether to send Origin on writes */
    public void setOriginHeader(boolean originHeader) {
        this.originHeader = originHeader;
    }

    /** @return the Origin override, or {@code null} */
    public @Nullable String getOrigin() {
        return origin;
    }

    /** @param origin the Origin to send instead of the base URL's */
    public void setOrigin(@Nullable String origin) {
        this.origin = origin;
    }
}
