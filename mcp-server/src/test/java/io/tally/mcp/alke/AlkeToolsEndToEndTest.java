package io.tally.mcp.alke;

import static io.tally.mcp.TestSupport.call;
import static io.tally.mcp.TestSupport.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.alke.Alke;
import io.tally.alke.AlkeReport;
import io.tally.alke.AlkeReportRequest;
import io.tally.core.Environment;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.alke.AlkeDemo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alke tools as {@code --demo} serves them (the registration's own demo backend and module), over real
 * Streamable HTTP with the MCP Java SDK client; expected values come from the Alke SDK asking the same fake.
 */
class AlkeToolsEndToEndTest {
    private static final String SHOP = AlkeDemo.SHOP_PROPERTY_ID.toString();
    private static final String BLOG = AlkeDemo.BLOG_PROPERTY_ID.toString();

    private static DemoBackend demo;
    private static TallyMcpServer server;
    private static McpSyncClient client;
    private static Alke sdk;

    @BeforeAll
    static void start() {
        AlkeProvider provider = new AlkeProvider(Environment.of(Map.of()));
        demo = provider.startDemo();
        ProviderModule module = provider.createModule(new ProviderConfig(demo.baseUrl(), null, ModuleOptions.defaults(),
                "tally-mcp-test"));
        server = TallyMcpServer.builder().settings(TestSupport.settings())
                .endpointWithFallback(module, demo.credentials()).build().start();
        client = TestSupport.client(server.endpoint("alke"), null);
        sdk = Alke.builder().baseUrl(demo.baseUrl()).serviceAccountToken(AlkeDemo.TOKEN).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
        demo.close();
    }

    private static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void listsBothReadOnlyToolsWithSchemas() {
        Set<String> names = new TreeSet<>();
        for (McpSchema.Tool t : client.listTools().tools()) {
            names.add(t.name());
            assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue();
        }
        assertThat(names).containsExactly("alke_list_properties", "alke_run_report");
        assertThat(client.getServerInstructions()).contains("alke_list_properties");
    }

    @Test
    void theDemoListsTheFakesTwoProperties() {
        Map<String, Object> out = call(client, "alke_list_properties", Map.of());
        assertThat(out.get("source")).isEqualTo("demo");
        assertThat(list(out.get("properties"))).containsExactly(
                Map.of("property_id", SHOP, "name", AlkeDemo.SHOP_NAME),
                Map.of("property_id", BLOG, "name", AlkeDemo.BLOG_NAME));
    }

    @Test
    void aReportByDateOverTheDefaultWindowMatchesTheSdk() {
        Map<String, Object> out = call(client, "alke_run_report",
                args("property_id", SHOP, "metrics", List.of("pageviews", "visits"), "dimensions", List.of("date")));

        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        AlkeReport expected = sdk.reports().run(AlkeReportRequest.builder().propertyId(SHOP)
                .dateFrom(yesterday.minusDays(29)).dateTo(yesterday).metrics("pageviews", "visits").dimension("date")
                .build());
        assertThat(out.get("date_from")).isEqualTo(yesterday.minusDays(29).toString());
        assertThat(out.get("date_to")).isEqualTo(yesterday.toString());
        assertThat(out.get("rows_recognised")).isEqualTo(true);
        assertThat(out.get("truncated")).isEqualTo(false);
        assertThat(out.get("total_rows")).isEqualTo(30);
        List<Map<String, Object>> rows = list(out.get("rows"));
        assertThat(rows).hasSize(30);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("date")).isEqualTo(expected.rows().get(i).dimension("date").get());
            assertThat(((Number) rows.get(i).get("pageviews")).longValue())
                    .isEqualTo(expected.rows().get(i).metric("pageviews").get().longValueExact());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) out.get("raw");
        assertThat(list(raw.get("rows"))).hasSize(30);
        assertThat(out.get("raw_truncated")).isEqualTo(false);
    }

    @Test
    void rowsAndRawAreCutToTheLimitWithMarkersAndExtraParamsArePassedThrough() {
        Map<String, Object> out = call(client, "alke_run_report", args("property_id", BLOG,
                "date_from", LocalDate.now(ZoneOffset.UTC).minusDays(10).toString(),
                "metrics", List.of("visits"), "dimensions", List.of("page", "device"), "limit", 4,
                "params", Map.of("limit", 6)));
        assertThat(list(out.get("rows"))).hasSize(4);
        assertThat(out.get("truncated")).isEqualTo(true);
        assertThat(out.get("total_rows")).isEqualTo(6);
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = (Map<String, Object>) out.get("raw");
        assertThat(list(raw.get("rows"))).hasSize(4);
        assertThat(raw.get("rowCount")).isEqualTo(15);
        assertThat(out.get("raw_truncated")).isEqualTo(true);
    }

    @Test
    void errorsSayWhatToDo() {
        String unknownProperty = UUID.randomUUID().toString();
        assertThat(error(client, "alke_run_report", args("property_id", unknownProperty, "metrics", List.of("visits"))))
                .contains("is not one this server allows", "alke_list_properties");
        assertThat(error(client, "alke_run_report", args("property_id", SHOP, "metrics", List.of("revenue"))))
                .startsWith("Alke rejected the report (400): Unknown metric 'revenue'")
                .contains("rename or drop");
        assertThat(error(client, "alke_run_report", args("property_id", SHOP, "metrics", List.of())))
                .contains("metrics must name at least one metric");
        assertThat(error(client, "alke_run_report", args("property_id", SHOP, "metrics", List.of("visits"),
                "date_from", "2026-03-10", "date_to", "2026-03-01")))
                .isEqualTo("date_to (2026-03-01) must not be before date_from (2026-03-10)");
        assertThat(error(client, "alke_run_report", args("property_id", SHOP, "metrics", List.of("visits"),
                "date_from", "01/03/2026")))
                .startsWith("date_from must be a day as YYYY-MM-DD");
        assertThat(error(client, "alke_run_report", args("property_id", SHOP, "metrics", List.of("visits"),
                "date_from", "2024-01-01")))
                .contains("this server allows at most");
    }

    @Test
    void callerTokensAreUsedAndTheirRefusalsExplained() {
        McpSyncClient shopOnly = TestSupport.client(server.endpoint("alke"), AlkeDemo.SHOP_ONLY_TOKEN);
        McpSyncClient expired = TestSupport.client(server.endpoint("alke"), AlkeDemo.EXPIRED_TOKEN);
        McpSyncClient mangled = TestSupport.client(server.endpoint("alke"), "abc.def");
        try {
            call(shopOnly, "alke_run_report", args("property_id", SHOP, "metrics", List.of("visits")));
            assertThat(error(shopOnly, "alke_run_report", args("property_id", BLOG, "metrics", List.of("visits"))))
                    .startsWith("Alke answered 403 Forbidden").contains("property " + BLOG, "Users page");
            assertThat(error(expired, "alke_run_report", args("property_id", SHOP, "metrics", List.of("visits"))))
                    .startsWith("Alke answered 401: the token expired at " + AlkeDemo.EXPIRED_AT)
                    .contains("Service Accounts > Renew token", "Regenerate token")
                    .doesNotContain(AlkeDemo.EXPIRED_TOKEN);
            assertThat(error(mangled, "alke_run_report", args("property_id", SHOP, "metrics", List.of("visits"))))
                    .startsWith("The Alke token sent with this call is not usable: the token is not a JWT");
        } finally {
            shopOnly.close();
            expired.close();
            mangled.close();
        }
    }

    @Test
    void outsideTheDemoThePropertiesComeFromTheOperatorsVariable() {
        AlkeProvider provider = new AlkeProvider(Environment.of(Map.of("ALKE_PROPERTIES",
                SHOP + "=Shop, " + BLOG)));
        ProviderModule module = provider.createModule(new ProviderConfig("https://alke.invalid", null,
                ModuleOptions.defaults(), "tally-mcp-test"));
        assertThat(module.tools()).extracting(t -> t.name()).containsExactly("alke_run_report", "alke_list_properties");
        AlkeProperties configured = AlkeProperties.parse(SHOP + "=Shop, " + BLOG);
        assertThat(configured.byId().keySet()).containsExactly(AlkeDemo.SHOP_PROPERTY_ID, AlkeDemo.BLOG_PROPERTY_ID);
        assertThat(configured.name(AlkeDemo.SHOP_PROPERTY_ID)).contains("Shop");
        assertThat(configured.name(AlkeDemo.BLOG_PROPERTY_ID)).isEmpty();
        assertThat(configured.source()).isEqualTo("ALKE_PROPERTIES");
        AlkeProperties none = AlkeProperties.parse("  ");
        assertThat(none.byId()).isEmpty();
        assertThat(none.source()).isEqualTo("none");
        assertThatThrownBy(() -> new AlkeProvider(Environment.of(Map.of("ALKE_PROPERTIES", "shop")))
                .createModule(new ProviderConfig("https://alke.invalid", null, ModuleOptions.defaults(), "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALKE_PROPERTIES must list property UUIDs, each optionally followed by =name, separated "
                        + "by commas; 'shop' is not a UUID");
    }
}
