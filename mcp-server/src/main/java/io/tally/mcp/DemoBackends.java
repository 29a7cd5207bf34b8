package io.tally.mcp;

import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;

/**
 * The in-process fake providers behind {@code --demo}: each a real HTTP server on a free loopback port with
 * deterministic demo data, so a newcomer can connect an MCP client with no account and no token. The MCP server
 * still reaches them only through the provider SDKs, like a real instance.
 */
final class DemoBackends implements AutoCloseable {
    private final FakeHitKeep hitkeep;

    private DemoBackends(FakeHitKeep hitkeep) {
        this.hitkeep = hitkeep;
    }

    /** Starts every implemented provider's fake on a free loopback port. */
    static DemoBackends start() {
        return new DemoBackends(FakeHitKeep.builder().host("127.0.0.1").port(0).start());
    }

    String hitkeepBaseUrl() {
        return hitkeep.baseUrl();
    }

    /** The token demo requests use when they bring none: viewer on every demo site. */
    String hitkeepToken() {
        return HitKeepDemo.TOKEN;
    }

    @Override
    public void close() {
        hitkeep.close();
    }
}
