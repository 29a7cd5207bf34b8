package io.tally.hitkeep;

import io.tally.hitkeep.model.RealtimeEvent;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Receives a realtime subscription's events, on the subscription's thread, one call at a time. Only
 * {@link #onEvent(RealtimeEvent)} must be implemented. An exception thrown from a callback ends the
 * subscription and is passed to {@link #onClosed(Throwable)}.
 */
@FunctionalInterface
public interface RealtimeListener {
    /** A change notification; {@link RealtimeEvent#isResync()} asks to reload everything. */
    void onEvent(RealtimeEvent event);

    /** A connection was opened (the first one, and each reconnection). */
    default void onOpen() {}

    /** The server sent a comment, HitKeep's heartbeat (every 15 seconds). */
    default void onHeartbeat() {}

    /**
     * The connection ended; the subscription reconnects after {@code reconnectIn} (the server's {@code retry:},
     * 3 seconds by default), resuming after the last event id.
     *
     * @param cause why it ended, or {@code null} when the server closed the stream
     */
    default void onDisconnected(@Nullable Throwable cause, Duration reconnectIn) {}

    /**
     * The subscription ended for good: closed by the caller ({@code error} is {@code null}), refused by the server
     * (an {@link io.tally.core.ApiException} such as 401 or 403), failed too often in a row, or a callback threw.
     */
    default void onClosed(@Nullable Throwable error) {}
}
