package io.tally.spring.boot;

import io.tally.alephant.Alephant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * {@code tally.alephant.*}: the Alephant client. The client is created when any of {@code pat},
 * {@code jwt}, {@code virtual-key}, {@code workspace-id}, {@code base-url} or
 * {@code analytics-base-url} is set (and {@code tally.alephant.enabled} is not {@code false}). One
 * credential: a PAT or a user JWT (both with {@code workspace-id}), or a virtual key (without it).
 * {@code base-url} is the SaaS and Cockpit host (default {@value Alephant#DEFAULT_BASE_URL}).
 */
@ConfigurationProperties(prefix = "tally.alephant")
public class AlephantProperties extends TallyClientProperties {
    /** The Analytics (collector) API host (SDK default https://analytics.alephant.io). */
    private @Nullable String analyticsBaseUrl;

    /** A personal access token (pat_...), for workspace automation; set workspace-id too. */
    private @Nullable String pat;

    /** A user JWT (the dashboard's session), the only credential for PATs, workspaces and logs; set workspace-id too. */
    private @Nullable String jwt;

    /** A virtual key (vk-...), for the Cockpit routes and the model catalogue; no workspace-id with it. */
    private @Nullable String virtualKey;

    /** The workspace (a UUID) sent as X-Workspace-Id with a PAT or JWT. */
    private @Nullable String workspaceId;

    /** Creates the properties with every value unset. */
    public AlephantProperties() {}

    /**
     * A builder with these settings.
     *
     * @return the builder, not yet built
     * @throws IllegalArgumentException naming the setting when a value is invalid, or when more than
     *     one credential is set
     */
    public Alephant.Builder toBuilder() {
        int credentials = (hasText(pat) ? 1 : 0) + (hasText(jwt) ? 1 : 0) + (hasText(virtualKey) ? 1 : 0);
        if (credentials > 1) {
            throw new IllegalArgumentException("tally.alephant: set one of pat, jwt and virtual-key, not several (a "
                    + "client holds one credential; derive others with withPat, withJwt or withVirtualKey)");
        }
        Alephant.Builder builder = Alephant.builder();
        applyTo(builder);
        if (analyticsBaseUrl != null && hasText(analyticsBaseUrl)) {
            builder.analyticsBaseUrl(analyticsBaseUrl.trim());
        }
        if (pat != null && hasText(pat)) {
            builder.pat(pat.trim());
        }
        if (jwt != null && hasText(jwt)) {
            builder.jwt(jwt.trim());
        }
        if (virtualKey != null && hasText(virtualKey)) {
            builder.virtualKey(virtualKey.trim());
        }
        if (workspaceId != null && hasText(workspaceId)) {
            builder.workspaceId(workspaceId);
        }
        return builder;
    }

    /** @return the Analytics API host, or {@code null} for the default */
    public @Nullable String getAnalyticsBaseUrl() {
        return analyticsBaseUrl;
    }

    /** @param analyticsBaseUrl the Analytics (collector) API host */
    public void setAnalyticsBaseUrl(@Nullable String analyticsBaseUrl) {
        this.analyticsBaseUrl = analyticsBaseUrl;
    }

    /** @return the personal access token, or {@code null} */
    public @Nullable String getPat() {
        return pat;
    }

    /** @param pat a personal access token */
    public void setPat(@Nullable String pat) {
        this.pat = pat;
    }

    /** @return the user JWT, or {@code null} */
    public @Nullable String getJwt() {
        return jwt;
    }

    /** @param jwt a user JWT */
    public void setJwt(@Nullable String jwt) {
        this.jwt = jwt;
    }

    /** @return the virtual key, or {@code null} */
    public @Nullable String getVirtualKey() {
        return virtualKey;
    }

    /** @param virtualKey a virtual key */
    public void setVirtualKey(@Nullable String virtualKey) {
        this.virtualKey = virtualKey;
    }

    /** @return the workspace id, or {@code null} */
    public @Nullable String getWorkspaceId() {
        return workspaceId;
    }

    /** @param workspaceId the workspace sent with a PAT or JWT */
    public void setWorkspaceId(@Nullable String workspaceId) {
        this.workspaceId = workspaceId;
    }
}
