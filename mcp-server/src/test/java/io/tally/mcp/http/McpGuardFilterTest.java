package io.tally.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.mcp.tool.CallerToken;
import org.junit.jupiter.api.Test;

class McpGuardFilterTest {
    @Test
    void readsBearerTokensStrictly() {
        assertThat(McpGuardFilter.bearerToken("Bearer abc123")).isEqualTo("abc123");
        assertThat(McpGuardFilter.bearerToken("bearer   abc123  ")).isEqualTo("abc123");
        assertThat(McpGuardFilter.bearerToken("Basic abc123")).isNull();
        assertThat(McpGuardFilter.bearerToken("Bearer")).isNull();
        assertThat(McpGuardFilter.bearerToken("Bearer a b")).isNull();
        assertThat(McpGuardFilter.bearerToken("Bearer " + "x".repeat(5000))).isNull();
    }

    @Test
    void callerTokensShowOnlyAShortHash() {
        CallerToken t = CallerToken.of("secret-token-value");
        assertThat(t.toString()).doesNotContain("secret").startsWith("CallerToken[").hasSize(21);
        assertThat(t.hash()).hasSize(64).isEqualTo(CallerToken.sha256Hex("secret-token-value"));
        assertThat(t.shortHash()).isEqualTo(t.hash().substring(0, 8));
        assertThat(t).isEqualTo(CallerToken.of("secret-token-value")).isNotEqualTo(CallerToken.of("other"));
    }

    @Test
    void sessionBindingsCapEachTokenWithoutEvictingOthersAndExpireIdleOnes() {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        SessionBindings bindings = new SessionBindings(4, 2, java.time.Duration.ofMinutes(1), nanos::get);
        bindings.bind("b1", "B");
        assertThat(bindings.admit("A")).isNull();
        bindings.bind("a1", "A");
        bindings.bind("a2", "A");
        assertThat(bindings.admit("A")).as("A holds its two").isEqualTo(SessionBindings.Refusal.TOKEN_FULL);
        assertThat(bindings.owner("b1")).as("B's session is untouched by A's flood").isEqualTo("B");
        assertThat(bindings.admit("A", false)).as("the server's own fallback token has no per-token cap").isNull();
        bindings.bind("c1", "C");
        assertThat(bindings.admit("D")).as("the table is full").isEqualTo(SessionBindings.Refusal.TABLE_FULL);
        assertThat(bindings.owner("a1")).isEqualTo("A");

        nanos.addAndGet(java.time.Duration.ofSeconds(40).toNanos());
        assertThat(bindings.owner("b1")).as("used: stays").isEqualTo("B");
        nanos.addAndGet(java.time.Duration.ofSeconds(40).toNanos());
        assertThat(bindings.owner("a1")).as("idle 80 s: forgotten").isNull();
        assertThat(bindings.owner("b1")).as("used 40 s ago").isEqualTo("B");
        assertThat(bindings.admit("A")).as("A's idle sessions no longer count").isNull();
        bindings.unbind("b1");
        assertThat(bindings.owner("b1")).isNull();
        assertThat(bindings.size()).isZero();
    }
}
