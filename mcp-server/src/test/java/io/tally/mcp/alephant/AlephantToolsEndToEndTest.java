package io.tally.mcp.alephant;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.tally.alephant.Alephant;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.mcp.provider.DemoBackend;
import io.tally.mcp.provider.ProviderConfig;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.ProviderModule;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import io.tally.testkit.server.Fault;
import io.tally.testkit.server.RecordedExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every tool name of the official {@code @alephantai/mcp} 0.1.3 answers through the MCP Java SDK client in its mode
 * (the client checks each structured result against the tool's output schema), from the demo backend as
 * {@code --demo} serves it; plus the behaviours of §8: modes per caller, cents in and dollars on the wire,
 * write tools only with --allow-writes and their annotations, composites' {@code _meta}, the prompts.
 */
class AlephantToolsEndToEndTest {
    static final List<String> VK_TOOLS = List.of("check_alephant_connection", "get_usage_summary", "get_daily_costs",
            "get_cost_by_model", "list_available_models", "get_my_scope", "get_my_budget", "get_my_recent_requests");
    static final List<String> MANAGER_TOOLS = List.of("check_alephant_connection", "get_usage_summary",
            "get_daily_costs",
            "get_cost_by_model", "list_available_models", "get_workspace_overview", "get_workspace_budget_status",
            "list_virtual_keys", "create_virtual_key", "update_key_budget", "revoke_virtual_key", "list_agents",
            "get_agent_analytics", "list_members", "get_member_analytics", "list_departments",
            "get_department_analytics",
            "get_subscription_info", "set_budget_policy", "get_live_24h", "get_usage_timeseries", "get_sparklines",
            "diagnose_cost_anomaly", "get_executive_dashboard", "drill_down_spend", "find_idle_resources",
            "compare_entity_periods");

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private static McpSyncClient client(TallyMcpServer server, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port()).endpoint("/mcp/alephant").requestBuilder(request).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .enableCallToolSchemaCaching(true)
                .clientInfo(McpSchema.Implementation.builder("tally-test", "1").build()).build();
        client.initialize();
        return client;
    }

    private static Map<String, Object> args(String tool) {
        Map<String, Object> a = new LinkedHashMap<>();
        switch (tool) {
            case "get_usage_summary", "get_daily_costs", "get_cost_by_model" -> a.put("period", "30d");
            case "get_my_budget" -> a.put("period", "billing_cycle");
            case "get_my_recent_requests" -> a.put("limit", 10);
            case "create_virtual_key" -> {
                a.put("label", "e2e");
                a.put("master_key_id", AlephantDemo.MASTER_OPENAI);
                a.put("budget_cents", 2550);
                a.put("rate_limit_rpm", 100);
            }
            case "update_key_budget" -> {
                a.put("key_id", AlephantDemo.KEY_UNBOUND);
                a.put("budget_cents", 12345);
                a.put("budget_action", "block");
            }
            case "revoke_virtual_key" -> a.put("key_id", AlephantDemo.KEY_UNBOUND);
            case "list_agents" -> a.put("department_id", AlephantDemo.DEPT_SUPPORT);
            case "get_agent_analytics" -> {
                a.put("agent_id", AlephantDemo.AGENT_SUPPORT);
                a.put("period", "7d");
            }
            case "list_members" -> a.put("page_size", 5);
            case "get_member_analytics" -> a.put("member_id", AlephantDemo.MEMBER_ADA);
            case "get_department_analytics" -> a.put("department_id", AlephantDemo.DEPT_SUPPORT);
            case "set_budget_policy" -> {
                a.put("budget_cents", 500000);
                a.put("action", "block");
            }
            case "get_usage_timeseries" -> {
                a.put("metric", "cost");
                a.put("granularity", "hour");
                a.put("period", "7d");
            }
            case "get_sparklines" -> a.put("metrics", "spend,requests");
            case "drill_down_spend" -> {
                a.put("dimension", "agent");
                a.put("entity_id", AlephantDemo.AGENT_SUPPORT);
                a.put("period", "7d");
                a.put("limit", 2);
            }
            case "compare_entity_periods" -> {
                a.put("entity_type", "agent");
                a.put("entity_id", AlephantDemo.AGENT_SUPPORT);
                a.put("period", "7d");
            }
            default -> {
            }
        }
        return a;
    }

    @Test
    void everyOfficialToolAnswersFromTheDemoInItsMode() throws Exception {
        AlephantProvider provider = new AlephantProvider();
        try (DemoBackend demo = provider.startDemo()) {
            ProviderModule module = provider.createModule(new ProviderConfig(demo.baseUrl(), null,
                    ModuleOptions.defaults().withAllowWrites(true), "test"));
            try (TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                    .endpointWithFallback(module, demo.credentials()).build().start()) {
                Set<String> names = new TreeSet<>();
                try (McpSyncClient vk = client(server, AlephantDemo.AGENT_VK, Map.of())) {
                    Map<String, McpSchema.Tool> listed = vk.listTools().tools().stream()
                            .collect(Collectors.toMap(McpSchema.Tool::name, t -> t));
                    assertThat(listed.keySet()).as("VK mode lists the official 8")
                            .containsExactlyInAnyOrderElementsOf(VK_TOOLS);
                    names.addAll(listed.keySet());
                    for (String tool : VK_TOOLS) {
                        assertThat(listed.get(tool).outputSchema()).as(tool + " output schema").isNotEmpty();
                        TestSupport.call(vk, tool, args(tool));
                    }
                    assertThat(TestSupport.call(vk, "check_alephant_connection", Map.of())).containsEntry("mode", "vk");
                    assertThat(TestSupport.error(vk, "list_agents", Map.of()))
                            .isEqualTo("list_agents is a manager-mode "
                                    + "tool: call it with a PAT (or user JWT) as the bearer token and 'X-Workspace-Id: <workspace "
                                    + "id>'. This call is in VK mode (a vk- virtual key as the bearer token ('Authorization: Bearer "
                                    + "vk-...')); tools/list shows the tools this credential can use.");
                    assertThat(TestSupport.error(vk, "set_budget_policy", Map.of("budget_cents", 1, "action", "block")))
                            .startsWith("set_budget_policy is a manager-mode tool");
                    assertThat(vk.listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                            .containsExactly("cost_audit_report");
                    assertThat(vk.getServerInfo().name()).isEqualTo("tally-alephant");
                }
                try (McpSyncClient manager = client(server, AlephantDemo.ADMIN_PAT,
                        Map.of("X-Workspace-Id", AlephantDemo.WORKSPACE_ID))) {
                    Map<String, McpSchema.Tool> listed = manager.listTools().tools().stream()
                            .collect(Collectors.toMap(McpSchema.Tool::name, t -> t));
                    assertThat(listed.keySet()).as("manager mode lists the official 27 (writes allowed)")
                            .containsExactlyInAnyOrderElementsOf(MANAGER_TOOLS);
                    names.addAll(listed.keySet());
                    assertThat(names).as("30 distinct names").hasSize(30);
                    for (String tool : MANAGER_TOOLS) {
                        assertThat(listed.get(tool).outputSchema()).as(tool + " output schema").isNotEmpty();
                        Map<String, Object> out = TestSupport.call(manager, tool, args(tool));
                        if (tool.equals("diagnose_cost_anomaly") || tool.equals("get_executive_dashboard")
                                || tool.equals("drill_down_spend") || tool.equals("find_idle_resources")
                                || tool.equals("compare_entity_periods")) {
                            assertThat(out.get("_meta")).as(tool)
                                    .isEqualTo(Map.of("partial", false, "failedSteps", List.of()));
                        }
                    }
                    assertThat(TestSupport.error(manager, "get_my_scope", Map.of()))
                            .startsWith("get_my_scope is a VK-mode "
                                    + "tool: call it with a vk- virtual key")
                            .contains("This call is in manager mode");
                    assertThat(manager.listPrompts().prompts().stream().map(McpSchema.Prompt::name).sorted().toList())
                            .containsExactly("cost_audit_report", "cost_deep_dive", "cost_optimization",
                                    "workspace_health_check");
                    McpSchema.ToolAnnotations revoke = listed.get("revoke_virtual_key").annotations();
                    assertThat(revoke.destructiveHint()).isTrue();
                    assertThat(revoke.idempotentHint()).isTrue();
                    assertThat(listed.get("create_virtual_key").annotations().idempotentHint()).isFalse();
                    assertThat(listed.get("create_virtual_key").annotations().readOnlyHint()).isFalse();
                    assertThat(listed.get("update_key_budget").annotations().idempotentHint()).isTrue();
                    assertThat(listed.get("list_agents").annotations().readOnlyHint()).isTrue();
                    assertThat(listed.get("list_agents").title()).isEqualTo("List Agents");
                }
                HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/mcp/alephant"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("Authorization", "Bearer " + AlephantDemo.ADMIN_PAT)
                        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as("a PAT without X-Workspace-Id").isEqualTo(400);
                assertThat(refused.body()).contains("X-Workspace-Id").doesNotContain(AlephantDemo.ADMIN_PAT);
            }
        }
    }

    private static ProviderModule module(FakeAlephant fake, boolean allowWrites) {
        Alephant base = Alephant.builder().baseUrl(fake.baseUrl()).analyticsBaseUrl(fake.baseUrl()).maxRetries(0)
                .build();
        return AlephantModule.create(base, null, ModuleOptions.defaults().withAllowWrites(allowWrites));
    }

    @Test
    void centsInDollarsOnTheWireAndWritesOnlyWhenAllowed() {
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(module(fake, true), null).build().start();
                McpSyncClient manager = client(server, AlephantDemo.ADMIN_PAT,
                        Map.of("X-Workspace-Id", AlephantDemo.WORKSPACE_ID))) {
            TestSupport.call(manager, "update_key_budget",
                    Map.of("key_id", AlephantDemo.KEY_AGENT, "budget_cents", 2550,
                            "budget_action", "alert_only"));
            RecordedExchange patch = fake.requests().stream().filter(r -> r.method().equals("PATCH")).findFirst()
                    .orElseThrow();
            assertThat(patch.bodyAsString()).contains("\"budget\":25.50").contains("\"budgetAction\":\"alert-only\"");
            assertThat(fake.virtualKey(AlephantDemo.KEY_AGENT).path("budgetCents").asLong()).isEqualTo(2550);

            fake.conflictNextPolicyUpdates(1);
            TestSupport.call(manager, "set_budget_policy", Map.of("budget_cents", 99, "action", "block"));
            assertThat(fake.budgetPolicy().path("amount").decimalValue()).isEqualByComparingTo("0.99");
            assertThat(fake.budgetPolicy().path("exceededAction").asText()).isEqualTo("pause");
            assertThat(fake.requests().stream().filter(r -> r.method().equals("PUT")).count()).as("retried once on 409")
                    .isEqualTo(2);
        }
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(module(fake, false), null).build().start();
                McpSyncClient manager = client(server, AlephantDemo.ADMIN_PAT,
                        Map.of("X-Workspace-Id", AlephantDemo.WORKSPACE_ID))) {
            List<String> names = new ArrayList<>();
            manager.listTools().tools().forEach(t -> names.add(t.name()));
            assertThat(names).as("manager mode without --allow-writes").hasSize(23).doesNotContain("create_virtual_key",
                    "update_key_budget", "revoke_virtual_key",
                    "set_budget_policy");
        }
    }

    @Test
    void compositesReportFailedStepsAndAbortOnAuthErrors() {
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(module(fake, false), null).build().start();
                McpSyncClient manager = client(server, AlephantDemo.ADMIN_PAT,
                        Map.of("X-Workspace-Id", AlephantDemo.WORKSPACE_ID))) {
            fake.failNext(Fault.status(500));
            Map<String, Object> out = TestSupport.call(manager, "get_executive_dashboard", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) out.get("_meta");
            assertThat(meta.get("partial")).isEqualTo(true);
            assertThat((List<?>) meta.get("failedSteps")).hasSize(1);

            fake.failNext(Fault.rateLimited(Duration.ofSeconds(9)));
            assertThat(TestSupport.error(manager, "diagnose_cost_anomaly", Map.of("period", "7d")))
                    .isEqualTo("Rate limit exceeded. Retry after 9 seconds.");
            assertThat(TestSupport.error(manager, "get_usage_timeseries",
                    Map.of("metric", "latency", "granularity", "hour")))
                    .contains("granularity hour is not available for metric latency");
        }
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(module(fake, false), null).build().start();
                McpSyncClient reader = client(server, "pat_ws7d0c5a_unknown",
                        Map.of("X-Workspace-Id", AlephantDemo.WORKSPACE_ID))) {
            assertThat(TestSupport.error(reader, "get_workspace_overview", Map.of()))
                    .startsWith("Authentication failed.");
        }
    }

    @Test
    void anUnboundKeySeesEmptyUsageAndSaysSo() {
        try (FakeAlephant fake = FakeAlephant.start();
                TallyMcpServer server = TallyMcpServer.builder().settings(TestSupport.settings())
                        .endpoint(module(fake, false), null).build().start();
                McpSyncClient vk = client(server, AlephantDemo.UNBOUND_VK, Map.of())) {
            assertThat(TestSupport.call(vk, "get_my_scope", Map.of())).containsEntry("entity", null);
            Map<String, Object> usage = TestSupport.call(vk, "get_usage_summary", Map.of());
            assertThat(((Number) usage.get("totalCostCents")).longValue()).isZero();
            assertThat(usage).containsEntry("data_source", "none");
        }
    }
}
