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
    void sessionBindingsKnowTheirOwners() {
        SessionBindings bindings = new SessionBindings(2);
        bindings.bind("s1", "h1");
        bindings.bind("s2", "h2");
        assertThat(bindings.owner("s1")).isEqualTo("h1");
        bindings.bind("s3", "h3");
        assertThat(bindings.owner("s1")).as("oldest forgotten").isNull();
        bindings.unbind("s2");
        assertThat(bindings.owner("s2")).isNull();
        assertThat(bindings.owner("s3")).isEqualTo("h3");
    }
}
