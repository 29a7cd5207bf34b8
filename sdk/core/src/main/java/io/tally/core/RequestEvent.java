package io.tally.core;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link RequestListener} learns about one request: where it went (provider, method, route
 * template), which attempt this is, the HTTP status and the time since the request started. It
 * holds no credentials, headers, query values, expanded paths or bodies.
 */
public final class RequestEvent {
    private final String provider;
    private final String method;
    private final String route;
    private final int attempt;
    private final int status;
    private final Duration duration;

    /**
     * An event; {@code status} 0 means no response arrived.
     *
     * @param provider the provider's name, e.g. {@code HitKeep}
     * @param method   the HTTP method, e.g. {@code GET}
     * @param route    the route's path template, e.g. {@code /api/sites/{id}}
     * @param attempt  the attempt, from 1
     * @param status   the HTTP status, or 0 when there was no response
     * @param duration the time since the request started, all attempts and waits included
     */
    public RequestEvent(String provider, String method, String route, int attempt, int status, Duration duration) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.method = Objects.requireNonNull(method, "method");
        this.route = Objects.requireNonNull(route, "route");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, got " + attempt);
        }
        this.attempt = attempt;
        this.status = status;
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    /** The provider's display name, e.g. {@code HitKeep}. */
    public String provider() {
        return provider;
    }

    /** The HTTP method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The route's path template, e.g. {@code /api/sites/{id}}: never the expanded path. */
    public String route() {
        return route;
    }

    /** The attempt this event is about, from 1; retries count up from 2. */
    public int attempt() {
        return attempt;
    }

    /** The HTTP status of the attempt, or 0 when no response arrived (connection failure, timeout). */
    public int status() {
        return status;
    }

    /** The time since the request started, all attempts and waits included. */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "RequestEvent[" + provider + " " + method + " " + route + ", attempt=" + attempt + ", status=" + status
                + ", duration=" + duration.toMillis() + " ms]";
    }
}
