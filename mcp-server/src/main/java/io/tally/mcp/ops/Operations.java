package io.tally.mcp.ops;

import io.tally.mcp.http.GuardSettings;
import io.tally.mcp.http.VerifiedTokens;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;

/**
 * What the server and its provider clients share for operating it: the metrics, the tokens the upstream has
 * accepted, and the gates upstream calls pass ({@link UpstreamGate}), one per provider: each provider's API limits
 * this server on its own, so one provider's burst never delays another provider's callers. Make one per server,
 * hand {@link #upstreamClient(String)} to each provider's SDK builder, and the same object to the server's builder.
 */
public final class Operations {
    /** The key of the gate for calls that name no provider ({@link #upstreamClient()}). */
    private static final String UNNAMED = "";

    private final GuardSettings guard;
    private final LongSupplier nanoTime;
    private final McpMetrics metrics;
    private final VerifiedTokens verifiedTokens;
    private final Map<String, Gated> gates = new ConcurrentHashMap<>();

    private Operations(GuardSettings guard, LongSupplier nanoTime, McpMetrics metrics, VerifiedTokens verifiedTokens) {
        this.guard = guard;
        this.nanoTime = nanoTime;
        this.metrics = metrics;
        this.verifiedTokens = verifiedTokens;
    }

    /** Metrics, a table of 100,000 verified token hashes, and upstream gates with the guard's budgets. */
    public static Operations create(GuardSettings guard) {
        return create(guard, System::nanoTime);
    }

    /** {@link #create(GuardSettings)} with the clock the upstream gates refill by (tests inject one). */
    public static Operations create(GuardSettings guard, LongSupplier nanoTime) {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(nanoTime, "nanoTime");
        return new Operations(guard, nanoTime, new McpMetrics(), new VerifiedTokens(100_000));
    }

    /** The metrics registry behind {@code /metrics}. */
    public McpMetrics metrics() {
        return metrics;
    }

    /** The tokens the upstream has accepted. */
    public VerifiedTokens verifiedTokens() {
        return verifiedTokens;
    }

    /**
     * The gate toward one provider's upstream, with that provider's budget ({@link GuardSettings#upstreamFor}); the
     * same gate for every call with the same name.
     */
    public UpstreamGate upstreamGate(String provider) {
        return gated(provider).gate();
    }

    /**
     * An HTTP client for one provider's SDK builder ({@code HitKeep.builder().httpClient(...)}): every call it makes
     * passes that provider's gate. The SDK derives its own configured client from it, keeping the gate.
     */
    public OkHttpClient upstreamClient(String provider) {
        return gated(provider).client();
    }

    /**
     * The gate for calls that name no provider, with the default budget (its own, shared with no provider's).
     *
     * @see #upstreamGate(String)
     */
    public UpstreamGate upstreamGate() {
        return gated(UNNAMED).gate();
    }

    /**
     * An HTTP client whose calls pass the gate of {@link #upstreamGate()}; a server with several providers gives
     * each its own with {@link #upstreamClient(String)}.
     */
    public OkHttpClient upstreamClient() {
        return gated(UNNAMED).client();
    }

    private Gated gated(String provider) {
        Objects.requireNonNull(provider, "provider");
        return gates.computeIfAbsent(provider, name -> {
            GuardSettings.UpstreamBudget budget = name.isEmpty()
                    ? new GuardSettings.UpstreamBudget(guard.upstreamPerSecond(), guard.upstreamBurst())
                    : guard.upstreamFor(name);
            UpstreamGate gate = new UpstreamGate(budget.perSecond(), budget.burst(), guard.upstreamQueuePerToken(),
                    guard.upstreamMaxWait(), verifiedTokens, metrics, nanoTime);
            // the backend pool sized for the callers (--backend-pool), with this provider's gate in front of every call
            OkHttpClient client = io.tally.mcp.provider.BackendHttp.client().newBuilder().addInterceptor(gate).build();
            return new Gated(gate, client);
        });
    }

    private record Gated(UpstreamGate gate, OkHttpClient client) {}
}
