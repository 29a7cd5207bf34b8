package io.tally.core;

/** The {@code User-Agent} Tally sends: {@code tally-java/<version> (<provider>) [app token]}. */
final class UserAgent {
    private UserAgent() {}

    static String of(ProviderInfo provider, String application) {
        String base = "tally-java/" + Tally.version() + " (" + provider.userAgentToken() + ")";
        return application == null || application.trim().isEmpty() ? base : base + " " + application.trim();
    }
}
