package io.tally.core.internal;

import io.tally.core.Tally;
import io.tally.core.spi.ProviderInfo;
import org.jspecify.annotations.Nullable;

/** The {@code User-Agent} Tally sends: {@code tally-java/<version> (<provider>) [app token]}. */
public final class UserAgent {
    private UserAgent() {}

    /** The header value for {@code provider}, with the application's own token appended when given. */
    public static String of(ProviderInfo provider, @Nullable String application) {
        String base = "tally-java/" + Tally.version() + " (" + provider.userAgentToken() + ")";
        return application == null || application.trim().isEmpty() ? base : base + " " + application.trim();
    }
}
