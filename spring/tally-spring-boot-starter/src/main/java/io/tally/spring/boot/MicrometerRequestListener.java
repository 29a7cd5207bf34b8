package io.tally.spring.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.tally.core.RequestEvent;
import io.tally.core.RequestListener;
import java.time.Duration;
import java.util.Objects;

/**
 * Records every SDK call in Micrometer; usable without Spring through
 * {@code builder.requestListener(new MicrometerRequestListener(registry))}.
 * <ul>
 *   <li>{@value #REQUESTS} (timer): one per request, all attempts included, tagged {@code provider},
 *       {@code method}, {@code route} (the path template, never the expanded path), {@code status}
 *       (the last HTTP status, {@code NONE} without a response), {@code outcome} ({@code SUCCESS} or
 *       {@code FAILURE}) and {@code exception} (the failure's simple class name, {@code none});</li>
 *   <li>{@value #RETRIES} (counter): one per retry, tagged {@code provider}, {@code method},
 *       {@code route} and the failed attempt's {@code status}.</li>
 * </ul>
 */
public final class MicrometerRequestListener implements RequestListener {
    /** The timer of requests. */
    public static final String REQUESTS = "tally.client.requests";
    /** The counter of retries. */
    public static final String RETRIES = "tally.client.retries";

    private final MeterRegistry registry;

    /**
     * A listener recording into {@code registry}.
     *
     * @param registry where the meters go
     */
    public MicrometerRequestListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onRetry(RequestEvent event, Duration wait) {
        Counter.builder(RETRIES).description("Retries of Tally SDK requests")
                .tags(where(event)).tag("status", status(event)).register(registry).increment();
    }

    @Override
    public void onResponse(RequestEvent event) {
        record(event, "SUCCESS", "none");
    }

    @Override
    public void onFailure(RequestEvent event, RuntimeException error) {
        record(event, "FAILURE", error.getClass().getSimpleName());
    }

    private void record(RequestEvent event, String outcome, String exception) {
        Timer.builder(REQUESTS).description("Tally SDK requests, all attempts included")
                .tags(where(event)).tag("status", status(event)).tag("outcome", outcome).tag("exception", exception)
                .register(registry).record(event.duration());
    }

    private static Tags where(RequestEvent event) {
        return Tags.of("provider", event.provider(), "method", event.method(), "route", event.route());
    }

    private static String status(RequestEvent event) {
        return event.status() == 0 ? "NONE" : Integer.toString(event.status());
    }
}
