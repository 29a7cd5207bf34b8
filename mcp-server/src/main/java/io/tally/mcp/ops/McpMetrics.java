package io.tally.mcp.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tally.mcp.http.GuardListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's Prometheus metrics, served at {@code /metrics}:
 * <ul>
 *   <li>{@code tally_mcp_tool_calls_total{tool,outcome}} — tool calls by outcome ({@code ok}, {@code tool_error},
 *       {@code protocol_error}); names the server does not serve count as {@code unknown};</li>
 *   <li>{@code tally_mcp_tool_call_seconds{tool}} — tool call latency (count, sum, max);</li>
 *   <li>{@code tally_mcp_requests_rejected_total{reason,status}} — requests refused before the transport;</li>
 *   <li>{@code tally_mcp_rate_limited_total{limit}} — refusals by the {@code token}, {@code address} or
 *       {@code unverified} limit;</li>
 *   <li>{@code tally_mcp_upstream_responses_total{status}} — upstream answers by HTTP status;</li>
 *   <li>{@code tally_mcp_upstream_throttled_total} — upstream calls refused locally because their token's share of
 *       the upstream budget was used up;</li>
 *   <li>{@code tally_mcp_request_bodies_reading} — request bodies being read now (slow senders show here, holding
 *       memory but no thread);</li>
 *   <li>JVM memory and thread gauges.</li>
 * </ul>
 * Every tag takes values from a fixed set, so a caller cannot grow the number of series.
 */
public final class McpMetrics implements GuardListener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger bodiesReading = new AtomicInteger();

    /** A registry with the JVM gauges bound. */
    public McpMetrics() {
        Gauge.builder("tally.mcp.request.bodies.reading", bodiesReading, AtomicInteger::get)
                .description("Request bodies being read now")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    /** Request bodies being read now. */
    public int bodiesReading() {
        return bodiesReading.get();
    }

    @Override
    public void bodyReadStarted() {
        bodiesReading.incrementAndGet();
    }

    @Override
    public void bodyReadFinished() {
        bodiesReading.decrementAndGet();
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for tests and for binding more meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void rejected(String reason, int status) {
        Counter.builder("tally.mcp.requests.rejected")
                .description("Requests refused before they reached the MCP transport")
                .tag("reason", reason).tag("status", Integer.toString(status))
                .register(registry).increment();
    }

    @Override
    public void rateLimited(String limit) {
        Counter.builder("tally.mcp.rate.limited")
                .description("Requests refused by a rate limit")
                .tag("limit", limit)
                .register(registry).increment();
    }

    @Override
    public void toolCall(String tool, String outcome, long nanos) {
        Counter.builder("tally.mcp.tool.calls")
                .description("Tool calls by outcome")
                .tag("tool", tool).tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder("tally.mcp.tool.call")
                .description("Tool call latency")
                .tag("tool", tool)
                .register(registry).record(Duration.ofNanos(nanos).toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Records one upstream answer. */
    void upstreamStatus(int status) {
        String label = status >= 100 && status <= 599 ? Integer.toString(status) : "other";
        Counter.builder("tally.mcp.upstream.responses")
                .description("Upstream API answers by HTTP status")
                .tag("status", label)
                .register(registry).increment();
    }

    /** Records one upstream call refused locally for want of budget. */
    void upstreamThrottled() {
        Counter.builder("tally.mcp.upstream.throttled")
                .description("Upstream calls refused locally: their token's share of the upstream budget was used up")
                .register(registry).increment();
    }
}
