package io.tally.spring.boot;

import io.tally.alke.Alke;
import io.tally.alke.AlkeToken;
import io.tally.alke.AlkeTokenKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code tally.alke.*}: the Alke Analytics client. The client is created when {@code api-token} or
 * {@code base-url} is set (and {@code tally.alke.enabled} is not {@code false}); the base URL defaults
 * to {@value Alke#DEFAULT_BASE_URL}. For a token that is rotated without a restart, declare a
 * {@code TallyBuilderCustomizer<Alke.Builder>} that sets {@code tokenSupplier(...)}.
 */
@ConfigurationProperties(prefix = "tally.alke")
public class AlkeProperties extends TallyClientProperties {
    /** The API token (a JWT valid for one year). */
    private @Nullable String apiToken;

    /** Whose token it is, which decides how an expiry message says to renew it: SERVICE_ACCOUNT (default) or PERSONAL. */
    private AlkeTokenKind tokenKind = AlkeTokenKind.SERVICE_ACCOUNT;

    /** Creates the properties with every value unset. */
    public AlkeProperties() {}

    /**
     * A builder with these settings.
     *
     * @return the builder, not yet built
     * @throws IllegalArgumentException naming the setting when a value is invalid
     */
    public Alke.Builder toBuilder() {
        Alke.Builder builder = Alke.builder();
        applyTo(builder);
        if (apiToken != null && hasText(apiToken)) {
            builder.token(AlkeToken.of(tokenKind, apiToken.trim()));
        }
        return builder;
    }

    /** @return the API token, or {@code null} */
    public @Nullable String getApiToken() {
        return apiToken;
    }

    /** @param apiToken the API token */
    public void setApiToken(@Nullable String apiToken) {
        this.apiToken = apiToken;
    }

    /** @return whose token it is */
    public AlkeTokenKind getTokenKind() {
        return tokenKind;
    }

    /** @param tokenKind whose token it is */
    public void setTokenKind(AlkeTokenKind tokenKind) {
        this.tokenKind = tokenKind;
    }
}
