package io.tally.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    private final OriginPolicy loopback = OriginPolicy.forBinding("127.0.0.1", List.of(), List.of());

    @Test
    void loopbackBindingAcceptsOnlyLoopbackHosts() {
        assertThat(loopback.refusal("127.0.0.1:8080", null)).isNull();
        assertThat(loopback.refusal("localhost", null)).isNull();
        assertThat(loopback.refusal("[::1]:8080", null)).isNull();
        assertThat(loopback.refusal("LOCALHOST:1", null)).isNull();
        assertThat(loopback.refusal("evil.example:8080", null)).contains("Host 'evil.example:8080' is not allowed");
        assertThat(loopback.refusal("localhost.evil.example", null)).isNotNull();
        assertThat(loopback.refusal(null, null)).isNotNull();
    }

    @Test
    void originsMustBeLoopbackOrConfigured() {
        assertThat(loopback.refusal("localhost:8080", "http://localhost:6274")).isNull();
        assertThat(loopback.refusal("localhost:8080", "http://127.0.0.1")).isNull();
        assertThat(loopback.refusal("localhost:8080", "http://evil.example")).contains("Origin");
        assertThat(loopback.refusal("localhost:8080", "null")).isNotNull();

        OriginPolicy app = OriginPolicy.forBinding("127.0.0.1", List.of(), List.of("https://App.Example.com:443"));
        assertThat(app.refusal("localhost", "https://app.example.com")).isNull();
        assertThat(app.refusal("localhost", "http://app.example.com")).isNotNull();
        OriginPolicy any = OriginPolicy.forBinding("127.0.0.1", List.of(), List.of("*"));
        assertThat(any.refusal("localhost", "https://anything.example")).isNull();
    }

    @Test
    void publicBindingChecksHostsOnlyWhenConfigured() {
        OriginPolicy open = OriginPolicy.forBinding("0.0.0.0", List.of(), List.of());
        assertThat(open.refusal("mcp.example.com", null)).isNull();
        assertThat(open.refusal("mcp.example.com", "https://evil.example")).isNotNull();
        OriginPolicy named = OriginPolicy.forBinding("0.0.0.0", List.of("mcp.example.com"), List.of());
        assertThat(named.refusal("mcp.example.com:443", null)).isNull();
        assertThat(named.refusal("other.example.com", null)).isNotNull();
    }

    @Test
    void refusesMalformedConfiguration() {
        assertThatThrownBy(() -> OriginPolicy.forBinding("127.0.0.1", List.of(), List.of("app.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin must look like");
        assertThatThrownBy(() -> OriginPolicy.forBinding("127.0.0.1", List.of(), List.of("https://a.example/path")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
