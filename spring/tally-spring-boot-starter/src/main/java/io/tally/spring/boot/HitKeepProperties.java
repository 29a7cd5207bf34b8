package io.tally.spring.boot;

import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.TokenHeader;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tally.hitkeep.*}: the HitKeep client. The client is created when {@code tally.hitkeep.base-url}
 * is set (and {@code tally.hitkeep.enabled} is not {@code false}).
 */
@ConfigurationProperties(prefix = "tally.hitkeep")
public class HitKeepProperties extends TallyClientProperties {
    /** An API-client token; unset for the public and session routes only. */
    private String apiToken;

    /** How the token is sent: BEARER (Authorization header, the default) or X_API_KEY. */
    private TokenHeader tokenHeader;

    /** Whether to send Origin on writes under /api/ (HitKeep up to 2.11 needs it). */
    private boolean originHeader = true;

    /** The Origin to send instead of the base URL's, e.g. the public URL behind a proxy. */
    private String origin;

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
        if (hasText(apiToken)) {
            builder.apiToken(apiToken.trim());
        }
        if (tokenHeader != null) {
            builder.tokenHeader(tokenHeader);
        }
        builder.originHeader(originHeader);
        if (hasText(origin)) {
            builder.origin(origin);
        }
        return builder;
    }

    /** @return the API token, or {@code null} */
    public String getApiToken() {
        return apiToken;
    }

    /** @param apiToken an API-client token */
    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }

    /** @return how the token is sent, or {@code null} for the default (bearer) */
    public TokenHeader getTokenHeader() {
        return tokenHeader;
    }

    /** @param tokenHeader how the token is sent */
    public void setTokenHeader(TokenHeader tokenHeader) {
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
    public String getOrigin() {
        return origin;
    }

    /** @param origin the Origin to send instead of the base URL's */
    public void setOrigin(String origin) {
        this.origin = origin;
    }
}
