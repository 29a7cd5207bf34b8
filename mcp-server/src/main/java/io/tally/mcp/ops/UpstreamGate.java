package io.tally.mcp.ops;

import io.tally.mcp.http.VerifiedTokens;
import io.tally.mcp.tool.CallerToken;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The door from this server to one provider's upstream API, as an OkHttp interceptor on that provider's client
 * (one gate per provider, see {@link Operations#upstreamGate(String)}: each API has its own limit, so one provider's
 * burst never delays another provider's callers):
 * <ul>
 *   <li><b>A shared budget, fairly split.</b> The upstream limits this server's address as a whole (HitKeep: 10
 *       requests a second, burst 20, per IP), so every caller of that provider shares one budget. Calls pass at most
 *       {@code perSecond} (bursts of {@code burst}); when they must wait, the tokens waiting take turns (round robin,
 *       one call each), so one caller's burst delays that caller, not the others, and the upstream never sees more
 *       than its rate. A token may have at most {@code queuePerToken} calls waiting and each waits at most
 *       {@code maxWait}; beyond that the call fails at once with a local 429 and {@code Retry-After}.</li>
 *   <li><b>Verification.</b> A 2xx answer marks the caller's token as verified ({@link VerifiedTokens}).</li>
 *   <li><b>Metrics.</b> Every upstream status is counted ({@link McpMetrics}).</li>
 * </ul>
 * Waiting holds the caller's thread (the tool runs on it); the per-token queue cap bounds how many threads one
 * caller can park here.
 */
public final class UpstreamGate implements Interceptor {
    private final double perNano;
    private final int burst;
    private final int queuePerToken;
    private final long maxWaitNanos;
    private final VerifiedTokens verified;
    private final McpMetrics metrics;
    private final LongSupplier nanoTime;

    private double available;
    private long last;
    private final Map<String, ArrayDeque<Waiter>> waiting = new HashMap<>();
    private final ArrayDeque<String> turns = new ArrayDeque<>();

    /**
     * @param perSecond     upstream calls a second, 0 for no limit (then calls are only counted and verified)
     * @param burst         upstream calls at once, at least 1
     * @param queuePerToken calls of one token that may wait, at least 0
     * @param maxWait       the longest a call waits for its turn
     * @param verified      where accepted tokens are recorded
     * @param metrics       where upstream statuses are counted
     * @param nanoTime      a monotonic clock in nanoseconds
     */
    public UpstreamGate(double perSecond, int burst, int queuePerToken, Duration maxWait, VerifiedTokens verified,
            McpMetrics metrics, LongSupplier nanoTime) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("upstream rate must be 0 (no limit) or positive, got " + perSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("upstream burst must be at least 1, got " + burst);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.queuePerToken = queuePerToken;
        this.maxWaitNanos = maxWait.toNanos();
        this.verified = verified;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.available = burst;
        this.last = nanoTime.getAsLong();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String key = tokenHash(request);
        if (perNano > 0) {
            long waitedOut = acquire(key == null ? "" : key);
            if (waitedOut > 0) {
                metrics.upstreamThrottled();
                long seconds = Math.max(1, (waitedOut + 999_999_999L) / 1_000_000_000L);
                return new Response.Builder()
                        .request(request)
                        .protocol(Protocol.HTTP_1_1)
                        .code(429)
                        .message("Too Many Requests")
                        .header("Retry-After", Long.toString(seconds))
                        .body(ResponseBody.create("Too Many Requests: this caller's share of the upstream rate is "
                                + "used up; retry in " + seconds + " s", MediaType.get("text/plain; charset=utf-8")))
                        .build();
            }
        }
        Response response = chain.proceed(request);
        metrics.upstreamStatus(response.code());
        if (response.isSuccessful() && key != null) {
            verified.confirm(key);
        }
        return response;
    }

    /**
     * Waits for this key's turn.
     *
     * @return 0 when the call may go, otherwise a suggested wait in nanoseconds before retrying
     */
    long acquire(String key) throws IOException {
        synchronized (this) {
            refill();
            if (turns.isEmpty() && available >= 1) {
                available -= 1;
                return 0;
            }
            ArrayDeque<Waiter> queue = waiting.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (queue.size() >= queuePerToken) {
                if (queue.isEmpty()) {
                    waiting.remove(key);
                }
                return nanosPerCall() * Math.max(1, turns.size());
            }
            Waiter me = new Waiter();
            if (queue.isEmpty()) {
                turns.addLast(key);
            }
            queue.addLast(me);
            long deadline = nanoTime.getAsLong() + maxWaitNanos;
            try {
                while (true) {
                    grant();
                    if (me.granted) {
                        return 0;
                    }
                    long now = nanoTime.getAsLong();
                    if (now >= deadline) {
                        queue.remove(me);
                        if (queue.isEmpty()) {
                            waiting.remove(key);
                            turns.remove(key);
                        }
                        return nanosPerCall() * Math.max(1, turns.size());
                    }
                    long untilToken = (long) Math.ceil((1 - available) / perNano);
                    long sleep = Math.max(1, Math.min(deadline - now, Math.max(untilToken, 1_000_000L)));
                    wait(sleep / 1_000_000L, (int) (sleep % 1_000_000L));
                }
            } catch (InterruptedException e) {
                queue.remove(me);
                if (queue.isEmpty()) {
                    waiting.remove(key);
                    turns.remove(key);
                }
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the upstream budget");
            }
        }
    }

    /** Gives available budget to the waiting heads, one per token in turn. */
    private void grant() {
        refill();
        boolean any = false;
        while (available >= 1 && !turns.isEmpty()) {
            String key = turns.pollFirst();
            // a token is in turns exactly while it has waiters
            ArrayDeque<Waiter> queue = Objects.requireNonNull(waiting.get(key), "waiters");
            Waiter head = queue.pollFirst();
            head.granted = true;
            available -= 1;
            any = true;
            if (queue.isEmpty()) {
                waiting.remove(key);
            } else {
                turns.addLast(key);
            }
        }
        if (any) {
            notifyAll();
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        available = Math.min(burst, available + (now - last) * perNano);
        last = now;
    }

    private long nanosPerCall() {
        return (long) Math.ceil(1 / perNano);
    }

    /** The SHA-256 of the caller's token in the upstream request (bearer or API-key header), or null. */
    static @Nullable String tokenHash(Request request) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : CallerToken.sha256Hex(token);
        }
        String apiKey = request.header("X-API-Key");
        return apiKey == null || apiKey.isBlank() ? null : CallerToken.sha256Hex(apiKey.trim());
    }

    private static final class Waiter {
        boolean granted;
    }
}
