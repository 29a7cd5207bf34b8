package io.tally.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import io.tally.mcp.http.GuardSettings;
import java.util.function.LongSupplier;

/**
 * How the HTTP server listens and protects itself.
 *
 * @param bind               the address to listen on; loopback ({@code 127.0.0.1}) by default
 * @param port               the port; 0 picks a free one
 * @param stateful           {@code false} (default): stateless Streamable HTTP, every request stands alone;
 *                           {@code true}: sessions ({@code Mcp-Session-Id}) bound to the token that opened them
 * @param allowedHosts       host names accepted besides the loopback ones
 * @param allowedOrigins     browser origins accepted besides the loopback ones ({@code *} for all)
 * @param maxBodyBytes       the largest request body accepted (413 above)
 * @param rateLimitPerMinute sustained requests a minute per token (429 above)
 * @param rateLimitBurst     requests a token may send at once
 * @param nanoTime           the clock of the rate limiter (tests inject one)
 * @param guard              the limits against slow, flooding or made-up callers ({@link GuardSettings#defaults()})
 */
public record HttpSettings(String bind, int port, boolean stateful, List<String> allowedHosts,
        List<String> allowedOrigins, long maxBodyBytes, int rateLimitPerMinute,
        int rateLimitBurst, LongSupplier nanoTime, GuardSettings guard) {
    /** 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** The port listened on by default. */
    public static final int DEFAULT_PORT = 8080;
    /** The address listened on by default: loopback. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Sustained requests a minute per token by default. */
    public static final int DEFAULT_RATE_PER_MINUTE = 300;
    /** Requests a token may send at once by default. */
    public static final int DEFAULT_RATE_BURST = 60;

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the value that is out of range
     */
    public HttpSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max body size must be at least 1024 bytes, got " + maxBodyBytes);
        }
        allowedHosts = Collections.unmodifiableList(new ArrayList<>(allowedHosts));
        allowedOrigins = Collections.unmodifiableList(new ArrayList<>(allowedOrigins));
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(guard, "guard");
    }

    /** Loopback, port 8080, stateless, 1 MiB bodies, 300 requests a minute per token (bursts of 60). */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_BIND, DEFAULT_PORT, false, List.of(), List.of(), DEFAULT_MAX_BODY_BYTES,
                DEFAULT_RATE_PER_MINUTE, DEFAULT_RATE_BURST, System::nanoTime, GuardSettings.defaults());
    }

    /** The same settings, listening on {@code value}. */
    public HttpSettings withBind(String value) {
        return new HttpSettings(value, port, stateful, allowedHosts, allowedOrigins, maxBodyBytes, rateLimitPerMinute,
                rateLimitBurst, nanoTime, guard);
    }

    /** The same settings, on port {@code value} (0 for a free one). */
    public HttpSettings withPort(int value) {
        return new HttpSettings(bind, value, stateful, allowedHosts, allowedOrigins, maxBodyBytes, rateLimitPerMinute,
                rateLimitBurst, nanoTime, guard);
    }

    /** The same settings, with sessions ({@code true}) or without. */
    public HttpSettings withStateful(boolean value) {
        return new HttpSettings(bind, port, value, allowedHosts, allowedOrigins, maxBodyBytes, rateLimitPerMinute,
                rateLimitBurst, nanoTime, guard);
    }

    /** The same settings, accepting these host names besides the loopback ones. */
    public HttpSettings withAllowedHosts(List<String> value) {
        return new HttpSettings(bind, port, stateful, value, allowedOrigins, maxBodyBytes, rateLimitPerMinute,
                rateLimitBurst, nanoTime, guard);
    }

    /** The same settings, accepting these origins besides the loopback ones. */
    public HttpSettings withAllowedOrigins(List<String> value) {
        return new HttpSettings(bind, port, stateful, allowedHosts, value, maxBodyBytes, rateLimitPerMinute,
                rateLimitBurst, nanoTime, guard);
    }

    /** The same settings, with another body size limit. */
    public HttpSettings withMaxBodyBytes(long value) {
        return new HttpSettings(bind, port, stateful, allowedHosts, allowedOrigins, value, rateLimitPerMinute,
                rateLimitBurst, nanoTime, guard);
    }

    /** The same settings, with another per-token rate: {@code perMinute} sustained, {@code burst} at once. */
    public HttpSettings withRateLimit(int perMinute, int burst) {
        return new HttpSettings(bind, port, stateful, allowedHosts, allowedOrigins, maxBodyBytes, perMinute, burst,
                nanoTime, guard);
    }

    /** The same settings, with another clock for the rate limiter. */
    public HttpSettings withNanoTime(LongSupplier value) {
        return new HttpSettings(bind, port, stateful, allowedHosts, allowedOrigins, maxBodyBytes, rateLimitPerMinute,
                rateLimitBurst, value, guard);
    }

    /** The same settings, with other limits against slow, flooding or made-up callers. */
    public HttpSettings withGuard(GuardSettings value) {
        return new HttpSettings(bind, port, stateful, allowedHosts, allowedOrigins, maxBodyBytes, rateLimitPerMinute,
                rateLimitBurst, nanoTime, value);
    }
}
