package io.tally.mcp.ops;

import io.tally.mcp.http.GuardSettings;
import io.tally.mcp.http.VerifiedTokens;
import okhttp3.OkHttpClient;

/**
 * What the server and its provider clients share for operating it: the metrics, the tokens the upstream has
 * accepted, and the gate every upstream call passes ({@link UpstreamGate}). Make one per server, hand
 * {@link #upstreamClient()} to the provider SDK builders, and the same object to the server's builder.
 */
public final class Operations {
    private final McpMetrics metrics;
    private final VerifiedTokens verifiedTokens;
    private final UpstreamGate upstreamGate;
    private final OkHttpClient upstreamClient;

    private Operations(McpMetrics metrics, VerifiedTokens verifiedTokens, UpstreamGate upstreamGate) {
        this.metrics = metrics;
        this.verifiedTokens = verifiedTokens;
        this.upstreamGate = upstreamGate;
        // the backend pool sized for the callers (--backend-pool), with the gate in front of every call
        this.upstreamClient = io.tally.mcp.provider.BackendHttp.client().newBuilder().addInterceptor(upstreamGate).build();
    }

    /** Metrics, a table of 100,000 verified token hashes, and an upstream gate with the guard's budget. */
    public static Operations create(GuardSettings guard) {
        McpMetrics metrics = new McpMetrics();
        VerifiedTokens verified = new VerifiedTokens(100_000);
        UpstreamGate gate = new UpstreamGate(guard.upstreamPerSecond(), guard.upstreamBurst(),
                guard.upstreamQueuePerToken(), guard.upstreamMaxWait(), verified, metrics, System::nanoTime);
        return new Operations(metrics, verified, gate);
    }

    /** The metrics registry behind {@code /metrics}. */
    public McpMetrics metrics() {
        return metrics;
    }

    /** The tokens the upstream has accepted. */
    public VerifiedTokens verifiedTokens() {
        return verifiedTokens;
    }

    /** The gate toward the upstream. */
    public UpstreamGate upstreamGate() {
        return upstreamGate;
    }

    /**
     * An HTTP client for provider SDK builders ({@code HitKeep.builder().httpClient(...)}): every call it makes
     * passes the upstream gate. The SDK derives its own configured client from it, keeping the gate.
     */
    public OkHttpClient upstreamClient() {
        return upstreamClient;
    }
}
