package io.tally.altertable;

import java.util.Objects;

/**
 * The Altertable environment payloads are written to, such as {@code production} or
 * {@code staging}: the slug of an environment created in the Altertable dashboard. Sent as
 * {@code environment} on every payload.
 *
 * <p>An open value: the constants name the usual slugs, and {@link #of(String)} accepts any other.
 * (Named so as not to be confused with {@link io.tally.core.Environment}, the view of environment
 * variables that {@link Altertable#fromEnv()} reads.)
 *
 * <p>An API key is not tied to an environment: one key can write to several, and a slug the
 * organisation does not have is refused with {@code environment-not-found}.
 */
public final class AltertableEnvironment {
    /** {@code production}, the default. */
    public static final AltertableEnvironment PRODUCTION = new AltertableEnvironment("production");
    /** {@code staging}. */
    public static final AltertableEnvironment STAGING = new AltertableEnvironment("staging");
    /** {@code development}. */
    public static final AltertableEnvironment DEVELOPMENT = new AltertableEnvironment("development");

    private final String slug;

    private AltertableEnvironment(String slug) {
        this.slug = slug;
    }

    /**
     * The environment with this slug.
     *
     * @throws IllegalArgumentException when the slug is {@code null}, blank or has surrounding whitespace
     */
    public static AltertableEnvironment of(String slug) {
        if (slug == null || slug.trim().isEmpty()) {
            throw new IllegalArgumentException("environment must be an environment slug such as 'production', got "
                    + (slug == null ? "null" : "'" + slug + "'"));
        }
        if (!slug.trim().equals(slug)) {
            throw new IllegalArgumentException("environment must not have surrounding whitespace, got '" + slug + "'");
        }
        switch (slug) {
            case "production":
                return PRODUCTION;
            case "staging":
                return STAGING;
            case "development":
                return DEVELOPMENT;
            default:
                return new AltertableEnvironment(slug);
        }
    }

    /** The slug, as sent in {@code environment}. */
    public String slug() {
        return slug;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AltertableEnvironment && ((AltertableEnvironment) o).slug.equals(slug);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slug);
    }

    /** The slug. */
    @Override
    public String toString() {
        return slug;
    }
}
