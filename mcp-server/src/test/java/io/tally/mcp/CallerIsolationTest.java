package io.tally.mcp;

import static io.tally.mcp.TestSupport.asLong;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.core.time.DateRange;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.Grant;
import io.tally.testkit.hitkeep.HitKeepDemo;
import io.tally.testkit.hitkeep.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two callers with different tokens, interleaved on one server: each sees only its own sites and data, every time.
 * A leak of the token between requests (a shared client, a static, a thread-local reused by the pool) would show
 * as a caller listing or reading the other's site.
 */
class CallerIsolationTest {
    private static final String BLOG_ONLY = "tok-blog-only";
    private static final int CALLS_PER_CALLER = 100;

    @Test
    void twoCallersInterleavedNeverSeeEachOthersData() throws Exception {
        try (FakeHitKeep fake = TestSupport.startFake()) {
            fake.addToken(BLOG_ONLY, Grant.site(HitKeepDemo.BLOG_SITE_ID, Role.VIEWER));
            DateRange window = DateRange.between(TestSupport.NOW.minus(Duration.ofDays(30)), TestSupport.NOW);
            long shopViews = TestSupport.sdk(fake, HitKeepDemo.SHOP_TOKEN).sites().stats(HitKeepDemo.SHOP_SITE_ID)
                    .range(window).execute().totalPageviews();
            long blogViews = TestSupport.sdk(fake, BLOG_ONLY).sites().stats(HitKeepDemo.BLOG_SITE_ID)
                    .range(window).execute().totalPageviews();
            assertThat(shopViews).isNotEqualTo(blogViews);

            try (TallyMcpServer server = TestSupport.startServer(TestSupport.module(fake, false),
                    TestSupport.settings(), null);
                    McpSyncClient shop = TestSupport.client(server.endpoint("hitkeep"), HitKeepDemo.SHOP_TOKEN);
                    McpSyncClient blog = TestSupport.client(server.endpoint("hitkeep"), BLOG_ONLY)) {
                CyclicBarrier lockstep = new CyclicBarrier(2);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<List<String>> shopRun = pool.submit(caller(shop, HitKeepDemo.SHOP_SITE_ID,
                            HitKeepDemo.BLOG_SITE_ID, shopViews, lockstep));
                    Future<List<String>> blogRun = pool.submit(caller(blog, HitKeepDemo.BLOG_SITE_ID,
                            HitKeepDemo.SHOP_SITE_ID, blogViews, lockstep));
                    assertThat(shopRun.get(2, TimeUnit.MINUTES)).as("problems seen by the shop caller").isEmpty();
                    assertThat(blogRun.get(2, TimeUnit.MINUTES)).as("problems seen by the blog caller").isEmpty();
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    /** One caller's run: list sites, read its own site, try the other's; every answer must be its own. */
    private static Callable<List<String>> caller(McpSyncClient client, String ownSite, String otherSite, long ownViews,
            CyclicBarrier lockstep) {
        return () -> {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < CALLS_PER_CALLER; i++) {
                // bounded, so a caller that fails breaks the barrier instead of leaving the other waiting forever
                lockstep.await(30, TimeUnit.SECONDS);
                McpSchema.CallToolResult result;
                switch (i % 3) {
                    case 0 -> {
                        result = client.callTool(
                                McpSchema.CallToolRequest.builder("hitkeep_list_sites").arguments(Map.of()).build());
                        List<?> sites = (List<?>) ((Map<?, ?>) result.structuredContent()).get("sites");
                        if (sites.size() != 1 || !((Map<?, ?>) sites.get(0)).get("id").equals(ownSite)) {
                            problems.add("call " + i + ": listed " + sites);
                        }
                    }
                    case 1 -> {
                        result = client.callTool(McpSchema.CallToolRequest.builder("hitkeep_get_site_overview")
                                .arguments(Map.of("site_id", ownSite, "sections", List.of())).build());
                        Map<?, ?> out = (Map<?, ?>) result.structuredContent();
                        long views = out == null ? -1 : asLong(((Map<?, ?>) out.get("stats")).get("total_pageviews"));
                        if (Boolean.TRUE.equals(result.isError()) || views != ownViews) {
                            problems.add(
                                    "call " + i + ": own overview gave " + (out == null ? result.content() : views));
                        }
                    }
                    default -> {
                        result = client.callTool(McpSchema.CallToolRequest.builder("hitkeep_get_event_names")
                                .arguments(Map.of("site_id", otherSite)).build());
                        if (!Boolean.TRUE.equals(result.isError())) {
                            problems.add("call " + i + ": read the other caller's site " + otherSite);
                        }
                    }
                }
            }
            return problems;
        };
    }
}
