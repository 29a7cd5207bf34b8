package io.tally.alephant.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.alephant.BudgetAction;
import io.tally.alephant.CockpitPeriod;
import io.tally.alephant.ExceededAction;
import io.tally.alephant.Granularity;
import io.tally.alephant.PatScope;
import io.tally.alephant.TimeseriesMetric;
import io.tally.alephant.TimeseriesPreset;
import io.tally.alephant.WindowPreset;
import io.tally.alephant.model.Agent;
import io.tally.alephant.model.AlephantData;
import io.tally.alephant.model.BudgetPolicy;
import io.tally.alephant.model.CockpitBudgetStatus;
import io.tally.alephant.model.CockpitData;
import io.tally.alephant.model.CockpitDailyCosts;
import io.tally.alephant.model.CockpitModelCosts;
import io.tally.alephant.model.CockpitRecentRequests;
import io.tally.alephant.model.CockpitScope;
import io.tally.alephant.model.CockpitUsageSummary;
import io.tally.alephant.model.CostBreakdown;
import io.tally.alephant.model.Department;
import io.tally.alephant.model.ItemPage;
import io.tally.alephant.model.LogsStats;
import io.tally.alephant.model.Member;
import io.tally.alephant.model.ModelUsageReport;
import io.tally.alephant.model.Money;
import io.tally.alephant.model.Pat;
import io.tally.alephant.model.PatList;
import io.tally.alephant.model.PingResult;
import io.tally.alephant.model.Subscription;
import io.tally.alephant.model.UsageSeries;
import io.tally.alephant.model.VirtualKey;
import io.tally.alephant.model.WindowReport;
import io.tally.alephant.model.WorkspaceOverview;
import io.tally.alephant.routes.RouteCase.Who;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import io.tally.alephant.Alephant;

/** A WireMock case for every route of {@code alephant-routes.tsv}: the request the SDK sends and what it parses. */
@SuppressWarnings("unchecked")
final class RouteCatalog {
    static final String WS = "11111111-2222-4333-8444-555555555555";
    static final String MASTER = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 7);

    private RouteCatalog() {}

    /** Single quotes become double quotes, to keep the JSON readable. */
    static String j(String json) {
        return json == null ? null : json.replace('\'', '"');
    }

    private static RouteCase c(String method, String template, Who who, Function<Alephant, Object> call, String url,
            String requestBody, String responseBody, Consumer<Object> check) {
        return new RouteCase(method, template, who, call, url, j(requestBody), j(responseBody), check);
    }

    private static String env(String data) {
        return "{'code':0,'message':'ok','data':" + data + "}";
    }

    static List<RouteCase> all() {
        List<RouteCase> l = new ArrayList<>();
        // ---- §5.1 workspace, members, agents, departments, keys
        l.add(c("GET", "/api/v1/workspaces", Who.JWT, a -> a.workspaces().list().execute(), "/api/v1/workspaces", null,
                "{'workspaces':[{'id':'" + WS + "','name':'Demo'}]}",
                r -> assertThat(((AlephantData) r).json().path("workspaces").get(0).path("name").asText())
                        .isEqualTo("Demo")));
        l.add(c("GET", "/api/v1/workspaces/{id}/stats", Who.JWT, a -> a.workspaces().stats(WS).execute(),
                "/api/v1/workspaces/" + WS + "/stats", null, env("{'members':4}"),
                r -> assertThat(((AlephantData) r).json().path("members").asInt()).isEqualTo(4)));
        l.add(c("GET", "/api/v1/members", Who.PAT, a -> a.directory().members().page(2).pageSize(100).execute(),
                "/api/v1/members?page=2&pageSize=100", null,
                "{'members':[{'id':'m1','name':'Ada','email':'ada@example.com','departmentId':'d1','costCents':120}],'total':1,'page':2,'pageSize':100}",
                r -> {
                    ItemPage<Member> p = (ItemPage<Member>) r;
                    assertThat(p.items()).hasSize(1);
                    assertThat(p.items().get(0).email()).isEqualTo("ada@example.com");
                    assertThat(p.items().get(0).departmentId()).isEqualTo("d1");
                    assertThat(p.items().get(0).field("costCents").get().asInt()).isEqualTo(120);
                    assertThat(p.page()).isEqualTo(2L);
                }));
        l.add(c("GET", "/api/v1/agents", Who.PAT, a -> a.directory().agents().departmentId("d1").execute(),
                "/api/v1/agents?departmentId=d1", null,
                "{'agents':[{'id':'a1','name':'Support bot','departmentId':'d1','status':'active','createdAt':'2026-01-01'}],'total':'1','page':1,'pageSize':50}",
                r -> {
                    ItemPage<Agent> p = (ItemPage<Agent>) r;
                    assertThat(p.items().get(0).name()).isEqualTo("Support bot");
                    assertThat(p.total()).as("numbers as strings are parsed").isEqualTo(1L);
                }));
        l.add(c("GET", "/api/v1/agents/{id}/analytics", Who.PAT,
                a -> a.directory().agentAnalytics("a1").days(7).execute(),
                "/api/v1/agents/a1/analytics?days=7", null, env("{'series':[{'date':'2026-03-01','cost':1.5}]}"),
                r -> assertThat(((AlephantData) r).json().path("series").size()).isEqualTo(1)));
        l.add(c("GET", "/api/v1/departments", Who.PAT, a -> a.directory().departments().page(1).pageSize(100).execute(),
                "/api/v1/departments?page=1&pageSize=100", null,
                "{'departments':[{'id':'d1','name':'Support','memberCount':3,'agentCount':2}],'total':1,'page':1,'pageSize':100}",
                r -> {
                    Department d = ((ItemPage<Department>) r).items().get(0);
                    assertThat(d.memberCount()).isEqualTo(3L);
                    assertThat(d.agentCount()).isEqualTo(2L);
                }));
        l.add(c("GET", "/api/v1/departments/{id}/analytics", Who.PAT,
                a -> a.directory().departmentAnalytics("d1").execute(),
                "/api/v1/departments/d1/analytics", null, env("{'spend':0,'requests':0}"),
                r -> assertThat(((AlephantData) r).json().path("requests").asInt()).isZero()));
        l.add(c("GET", "/api/v1/master-keys", Who.PAT, a -> a.directory().masterKeys().execute(), "/api/v1/master-keys",
                null,
                "{'keys':[{'id':'" + MASTER + "','provider':'openai'}]}",
                r -> assertThat(((AlephantData) r).json().path("keys").get(0).path("provider").asText())
                        .isEqualTo("openai")));
        l.add(c("GET", "/api/v1/virtual-keys", Who.PAT, a -> a.virtualKeys().list().page(1).pageSize(50).execute(),
                "/api/v1/virtual-keys?page=1&pageSize=50", null,
                "{'keys':[{'id':'k1','label':'ci','masterKeyId':'" + MASTER
                        + "','budgetCents':5000,'spentCents':'1234',"
                        + "'rateLimitRpm':60,'status':'active','createdAt':'2026-01-01'}],'total':1,'page':1,'pageSize':50}",
                r -> {
                    VirtualKey k = ((ItemPage<VirtualKey>) r).items().get(0);
                    assertThat(k.budget()).isEqualTo(Money.ofDollars("50.00"));
                    assertThat(k.budget().unit()).isEqualTo(Money.Unit.USD_CENTS);
                    assertThat(k.spent().cents()).isEqualTo(1234L);
                    assertThat(k.rateLimitRpm()).isEqualTo(60L);
                }));
        l.add(c("POST", "/api/v1/virtual-keys", Who.PAT,
                a -> a.virtualKeys().create("ci", MASTER, Money.ofCents(2550), 120).execute(), "/api/v1/virtual-keys",
                "{'label':'ci','masterKeyId':'" + MASTER + "','budget':25.50,'rateLimitRpm':120}",
                env("{'id':'k2','label':'ci','key':'vk-secret-123','budgetCents':2550}"),
                r -> {
                    VirtualKey k = (VirtualKey) r;
                    assertThat(k.secret()).contains("vk-secret-123");
                    assertThat(k.toString()).doesNotContain("vk-secret-123");
                    assertThat(k.budget().cents()).isEqualTo(2550L);
                }));
        l.add(c("PATCH", "/api/v1/virtual-keys/{id}", Who.PAT,
                a -> a.virtualKeys().updateBudget("k1", Money.ofCents(10000), BudgetAction.BLOCK).execute(),
                "/api/v1/virtual-keys/k1",
                "{'budget':100.00,'budgetAction':'block'}",
                env("{'id':'k1','budgetCents':10000,'budgetAction':'block'}"),
                r -> assertThat(((VirtualKey) r).budgetAction()).isEqualTo("block")));
        l.add(c("POST", "/api/v1/virtual-keys/{id}/revoke", Who.PAT, a -> a.virtualKeys().revoke("k1").execute(),
                "/api/v1/virtual-keys/k1/revoke", null, "", r -> assertThat(r).isNull()));
        l.add(c("GET", "/api/v1/models", Who.VK, a -> a.directory().models().execute(), "/api/v1/models", null,
                "[{'id':'gpt-4o','provider':'openai'}]",
                r -> assertThat(((AlephantData) r).json().get(0).path("id").asText()).isEqualTo("gpt-4o")));
        l.add(c("GET", "/api/v1/logs", Who.JWT, a -> a.directory().logs().execute(), "/api/v1/logs", null,
                "{'logs':[{'id':'l1'}]}", r -> assertThat(((AlephantData) r).json().path("logs").size()).isEqualTo(1)));
        // ---- §5.2 PATs
        l.add(c("GET", "/api/v1/pats", Who.JWT, a -> a.pats().list().limit(20).offset(40).execute(),
                "/api/v1/pats?limit=20&offset=40",
                null,
                "{'data':[{'id':'p1','name':'ci','token_prefix':'pat_wsa3f8c2','scopes':['read','write'],'workspace_id':'"
                        + WS
                        + "'}],'pagination':{'total':41,'limit':20,'offset':40}}",
                r -> {
                    PatList p = (PatList) r;
                    assertThat(p.pats().get(0).tokenPrefix()).isEqualTo("pat_wsa3f8c2");
                    assertThat(p.pats().get(0).scopes()).containsExactly("read", "write");
                    assertThat(p.total()).isEqualTo(41L);
                }));
        l.add(c("POST", "/api/v1/pats", Who.JWT,
                a -> a.pats()
                        .create("ci", EnumSet.of(PatScope.WRITE, PatScope.READ), Instant.parse("2027-01-01T00:00:00Z"))
                        .execute(),
                "/api/v1/pats", "{'name':'ci','scopes':['read','write'],'expires_at':'2027-01-01T00:00:00Z'}",
                "{'id':'p2','name':'ci','token':'pat_wsa3f8c2_secret','token_prefix':'pat_wsa3f8c2','scopes':['read','write']}",
                r -> {
                    Pat p = (Pat) r;
                    assertThat(p.token()).contains("pat_wsa3f8c2_secret");
                    assertThat(p.toString()).doesNotContain("secret");
                }));
        l.add(c("GET", "/api/v1/pats/{id}", Who.JWT, a -> a.pats().get("p1").execute(), "/api/v1/pats/p1", null,
                "{'id':'p1','name':'ci','expires_at':null}", r -> assertThat(((Pat) r).expiresAt()).isNull()));
        l.add(c("PATCH", "/api/v1/pats/{id}", Who.JWT, a -> a.pats().update("p1", "renamed", null).execute(),
                "/api/v1/pats/p1",
                "{'name':'renamed'}", "{'id':'p1','name':'renamed'}",
                r -> assertThat(((Pat) r).name()).isEqualTo("renamed")));
        l.add(c("DELETE", "/api/v1/pats/{id}", Who.JWT, a -> a.pats().delete("p1").execute(), "/api/v1/pats/p1", null,
                "",
                r -> assertThat(r).isNull()));
        // ---- §5.3 analytics
        l.add(c("GET", "/api/v1/analytics/overview", Who.PAT, a -> a.analytics().overview().execute(),
                "/api/v1/analytics/overview", null,
                env("{'totalMembers':4,'totalAgents':3,'totalVirtualKeys':5,'totalDepartments':2,'totalCostCents':123456}"),
                r -> {
                    WorkspaceOverview o = (WorkspaceOverview) r;
                    assertThat(o.totalCost().dollars()).isEqualByComparingTo("1234.56");
                    assertThat(o.totalVirtualKeys()).isEqualTo(5L);
                }));
        l.add(c("GET", "/api/v1/analytics/usage", Who.PAT,
                a -> a.analytics().usage().dates(FROM, TO).agentId("a1").execute(),
                "/api/v1/analytics/usage?dateFrom=2026-03-01&dateTo=2026-03-07&agentId=a1", null,
                env("{'period':{'from':'2026-03-01','to':'2026-03-07'},'series':[{'date':'2026-03-01','requests':10,'cost':1.25,'tokens':900},"
                        + "{'date':'2026-03-02','requests':'5','cost':'0.75','tokens':400}]}"),
                r -> {
                    UsageSeries s = (UsageSeries) r;
                    assertThat(s.series()).hasSize(2);
                    assertThat(s.series().get(0).cost().unit()).isEqualTo(Money.Unit.USD_DOLLARS);
                    assertThat(s.series().get(1).requests()).isEqualTo(5L);
                    assertThat(s.totalCost().dollars()).isEqualByComparingTo("2.00");
                }));
        l.add(c("GET", "/api/v1/analytics/costs", Who.PAT,
                a -> a.analytics().costs().dates(FROM, TO).departmentId("d1").execute(),
                "/api/v1/analytics/costs?dateFrom=2026-03-01&dateTo=2026-03-07&departmentId=d1", null,
                env("{'period':{},'breakdown':[{'dimension':'agents','items':[{'id':'a1','name':'Support bot','cost':12.5}]},"
                        + "{'dimension':'departments','items':[]}]}"),
                r -> {
                    CostBreakdown b = (CostBreakdown) r;
                    assertThat(b.dimension("agent").get().items().get(0).cost()).isEqualTo(Money.ofDollars("12.5"));
                    assertThat(b.breakdown()).hasSize(2);
                }));
        l.add(c("GET", "/api/v1/analytics/models", Who.PAT, a -> a.analytics().models().execute(),
                "/api/v1/analytics/models", null,
                env("{'period':{},'models':[{'model':'gpt-4o','requests':3,'cost':0.42,'inputTokens':100,'outputTokens':50}]}"),
                r -> {
                    ModelUsageReport m = (ModelUsageReport) r;
                    assertThat(m.models().get(0).model()).isEqualTo("gpt-4o");
                    assertThat(m.models().get(0).cost().dollars()).isEqualByComparingTo("0.42");
                    assertThat(m.models().get(0).outputTokens()).isEqualTo(50L);
                }));
        l.add(c("GET", "/api/v1/analytics/budget-status", Who.PAT, a -> a.analytics().budgetStatus().execute(),
                "/api/v1/analytics/budget-status", null, env("{'status':'placeholder'}"),
                r -> assertThat(((AlephantData) r).json().path("status").asText()).isEqualTo("placeholder")));
        l.add(c("GET", "/api/v1/analytics/efficiency", Who.PAT, a -> a.analytics().efficiency().execute(),
                "/api/v1/analytics/efficiency", null, env("{'score':null}"),
                r -> assertThat(((AlephantData) r).field("score")).isEmpty()));
        l.add(c("GET", "/api/v1/analytics/live-24h", Who.PAT, a -> a.analytics().live24h().limit(5).execute(),
                "/api/v1/analytics/live-24h?limit=5", null,
                env("{'topModels':[{'model':'gpt-4o'}],'topKeys':[],'summary':{'requests':7}}"),
                r -> assertThat(((AlephantData) r).json().path("summary").path("requests").asInt()).isEqualTo(7)));
        l.add(c("GET", "/api/v1/analytics/usage/timeseries", Who.PAT,
                a -> a.analytics().timeseries(TimeseriesMetric.COST).granularity(Granularity.HOUR)
                        .preset(TimeseriesPreset.LAST_7_DAYS).execute(),
                "/api/v1/analytics/usage/timeseries?metric=cost&granularity=hour&preset=7d", null,
                env("{'metric':'cost','points':[{'t':'2026-03-01T00:00:00Z','v':0.5}]}"),
                r -> assertThat(((AlephantData) r).json().path("points").size()).isEqualTo(1)));
        l.add(c("GET", "/api/v1/analytics/sparklines", Who.PAT,
                a -> a.analytics().sparklines().metrics("spend", "requests").execute(),
                "/api/v1/analytics/sparklines?metrics=spend%2Crequests", null,
                env("{'spend':[1,2,3],'requests':[4,5,6],'period':'7d'}"),
                r -> assertThat(((AlephantData) r).json().path("spend").size()).isEqualTo(3)));
        l.add(c("GET", "/api/v1/analytics/usage-history", Who.PAT, a -> a.analytics().usageHistory().execute(),
                "/api/v1/analytics/usage-history", null, env("[{'month':'2026-02','cost':10}]"),
                r -> assertThat(((AlephantData) r).json().get(0).path("month").asText()).isEqualTo("2026-02")));
        l.add(c("GET", "/api/v1/analytics/members/{memberId}/analytics", Who.PAT,
                a -> a.analytics().memberAnalytics("m1").days(30).execute(),
                "/api/v1/analytics/members/m1/analytics?days=30", null, env("{'series':[]}"),
                r -> assertThat(((AlephantData) r).json().path("series").isArray()).isTrue()));
        // ---- §5.4 subscription and policy
        l.add(c("GET", "/api/v1/subscriptions/current", Who.PAT, a -> a.billing().subscription().execute(),
                "/api/v1/subscriptions/current",
                null,
                env("{'plan':'team','status':'active','billingCycleStart':'2026-03-01','quotaCents':100000,'usedCents':2500}"),
                r -> {
                    Subscription s = (Subscription) r;
                    assertThat(s.quota()).isEqualTo(Money.ofDollars("1000"));
                    assertThat(s.used().cents()).isEqualTo(2500L);
                }));
        l.add(c("GET", "/api/v1/subscriptions/log-usage", Who.PAT, a -> a.billing().logUsage().execute(),
                "/api/v1/subscriptions/log-usage", null, env("{'requests':1234}"),
                r -> assertThat(((AlephantData) r).json().path("requests").asInt()).isEqualTo(1234)));
        l.add(c("GET", "/api/v1/policies/budget-control", Who.PAT, a -> a.billing().budgetPolicy().execute(),
                "/api/v1/policies/budget-control", null,
                env("{'config':{'amount':500,'exceededAction':'pause','period':'monthly','thresholds':[50,90],'currency':'USD'}}"),
                r -> {
                    BudgetPolicy p = (BudgetPolicy) r;
                    assertThat(p.amount()).isEqualTo(Money.ofDollars("500"));
                    assertThat(p.thresholds()).containsExactly(50, 90);
                }));
        l.add(c("PUT", "/api/v1/policies/budget-control", Who.PAT,
                a -> a.billing()
                        .putBudgetPolicy(Money.ofCents(12345), ExceededAction.ALERT_ONLY, "monthly",
                                Arrays.asList(50, 100), "USD")
                        .execute(),
                "/api/v1/policies/budget-control",
                "{'config':{'amount':123.45,'exceededAction':'alert-only','period':'monthly','thresholds':[50,100],'currency':'USD'}}",
                env("{'config':{'amount':123.45,'exceededAction':'alert-only'}}"),
                r -> assertThat(((BudgetPolicy) r).exceededAction()).isEqualTo("alert-only")));
        // ---- §6 cockpit
        l.add(c("GET", "/api/v1/cockpit/scope", Who.VK, a -> a.cockpit().scope().execute(), "/api/v1/cockpit/scope",
                null,
                "{'workspace':{'id':'" + WS + "','name':'Demo'},'virtual_key':{'id':'k1','label':'ci'},"
                        + "'entity':{'id':'a1','name':'Support bot','type':'agent','department':'Support','department_id':'d1'},"
                        + "'degraded':false,'data_source':'collector','message':null}",
                r -> {
                    CockpitScope s = (CockpitScope) r;
                    assertThat(s.workspaceId()).isEqualTo(WS);
                    assertThat(s.virtualKeyId()).isEqualTo("k1");
                    assertThat(s.isBound()).isTrue();
                    assertThat(s.departmentId()).isEqualTo("d1");
                    assertThat(s.dataSource()).contains("collector");
                }));
        l.add(c("GET", "/api/v1/cockpit/usage-summary", Who.VK,
                a -> a.cockpit().usageSummary().period(CockpitPeriod.LAST_7_DAYS).execute(),
                "/api/v1/cockpit/usage-summary?period=7d", null,
                env("{'totalCostCents':250,'totalInputTokens':10,'totalOutputTokens':5,'totalRequests':2,'period':'7d'}"),
                r -> {
                    CockpitUsageSummary s = (CockpitUsageSummary) r;
                    assertThat(s.totalCost().dollars()).isEqualByComparingTo("2.50");
                    assertThat(s.degraded()).isFalse();
                }));
        l.add(c("GET", "/api/v1/cockpit/daily-costs", Who.VK,
                a -> a.cockpit().dailyCosts().period(CockpitPeriod.BILLING_CYCLE).execute(),
                "/api/v1/cockpit/daily-costs?period=billing_cycle", null,
                env("[{'date':'2026-03-01','costCents':120,'requests':4}]"),
                r -> assertThat(((CockpitDailyCosts) r).days().get(0).cost().cents()).isEqualTo(120L)));
        l.add(c("GET", "/api/v1/cockpit/cost-by-model", Who.VK,
                a -> a.cockpit().costByModel().period(CockpitPeriod.LAST_30_DAYS).execute(),
                "/api/v1/cockpit/cost-by-model?period=30d", null,
                env("[{'model':'gpt-4o','costCents':99,'inputTokens':1,'outputTokens':2,'requests':3}]"),
                r -> assertThat(((CockpitModelCosts) r).models().get(0).model()).isEqualTo("gpt-4o")));
        l.add(c("GET", "/api/v1/cockpit/budget-status", Who.VK, a -> a.cockpit().budgetStatus().execute(),
                "/api/v1/cockpit/budget-status",
                null,
                env("{'budgetCents':5000,'spentCents':1000,'remainingCents':4000,'percentUsed':20,'exceededAction':'block'}"),
                r -> {
                    CockpitBudgetStatus b = (CockpitBudgetStatus) r;
                    assertThat(b.remaining()).isEqualTo(Money.ofCents(4000));
                    assertThat(b.percentUsed()).isEqualByComparingTo("20");
                }));
        l.add(c("GET", "/api/v1/cockpit/recent-requests", Who.VK,
                a -> a.cockpit().recentRequests().limit(20).offset(0).execute(),
                "/api/v1/cockpit/recent-requests?limit=20&offset=0", null,
                "{'code':0,'message':'ok','data':{'items':[]},'degraded':true,'data_source':'unavailable'}",
                r -> {
                    CockpitRecentRequests rr = (CockpitRecentRequests) r;
                    assertThat(rr.requests()).isEmpty();
                    assertThat(rr.degraded()).as("degraded next to data is read").isTrue();
                    assertThat(rr.dataSource()).contains("unavailable");
                }));
        l.add(c("GET", "/api/v1/cockpit/health", Who.NONE, a -> a.cockpit().health().execute(),
                "/api/v1/cockpit/health", null,
                "{'status':'ok','collector':'reachable'}",
                r -> assertThat(((CockpitData) r).json().path("status").asText()).isEqualTo("ok")));
        // ---- §7.1 analytics saas routes
        l.add(c("GET", "/v1/analytics/saas/overview", Who.PAT, a -> a.collector().overview().execute(),
                "/v1/analytics/saas/overview", null,
                env("{'totalRequests':'42'}"),
                r -> assertThat(((AlephantData) r).json().path("totalRequests").asText()).isEqualTo("42")));
        l.add(c("GET", "/v1/analytics/saas/usage", Who.PAT,
                a -> a.collector().usage().dates(FROM, TO).memberId("m1").execute(),
                "/v1/analytics/saas/usage?dateFrom=2026-03-01&dateTo=2026-03-07&memberId=m1", null,
                env("{'series':[{'date':'2026-03-01','requests':1,'cost':0.1,'tokens':10}]}"),
                r -> assertThat(((UsageSeries) r).series().get(0).tokens()).isEqualTo(10L)));
        l.add(c("GET", "/v1/analytics/saas/costs", Who.PAT, a -> a.collector().costs().dates(FROM, TO).execute(),
                "/v1/analytics/saas/costs?dateFrom=2026-03-01&dateTo=2026-03-07", null,
                env("{'breakdown':[{'dimension':'master_keys','items':[{'id':'mk','name':'OpenAI','cost':3}]}]}"),
                r -> assertThat(((CostBreakdown) r).dimension("master").get().items().get(0).name())
                        .isEqualTo("OpenAI")));
        l.add(c("GET", "/v1/analytics/saas/models", Who.PAT,
                a -> a.collector().models().dates(FROM, TO).agentId("a1").execute(),
                "/v1/analytics/saas/models?dateFrom=2026-03-01&dateTo=2026-03-07&agentId=a1", null,
                env("{'models':[{'model':'claude','requests':2,'cost':1}]}"),
                r -> assertThat(((ModelUsageReport) r).models().get(0).requests()).isEqualTo(2L)));
        l.add(c("GET", "/v1/analytics/saas/logs-stats", Who.PAT,
                a -> a.collector().logsStats().dates(FROM, TO).execute(),
                "/v1/analytics/saas/logs-stats?dateFrom=2026-03-01&dateTo=2026-03-07", null,
                env("{'totalRequests':9,'totalCost':'4.5','totalTokens':99}"),
                r -> assertThat(((LogsStats) r).totalCost()).isEqualTo(Money.ofDollars("4.50"))));
        l.add(c("GET", "/v1/analytics/saas/sparklines", Who.PAT,
                a -> a.collector().sparklines().metrics("all").execute(),
                "/v1/analytics/saas/sparklines?metrics=all", null, env("{'spend':[1]}"),
                r -> assertThat(((AlephantData) r).json().path("spend").size()).isEqualTo(1)));
        l.add(c("GET", "/v1/analytics/saas/live-24h", Who.PAT, a -> a.collector().live24h().limit(10).execute(),
                "/v1/analytics/saas/live-24h?limit=10", null, env("{'topModels':[]}"),
                r -> assertThat(((AlephantData) r).json().path("topModels").isArray()).isTrue()));
        l.add(c("GET", "/v1/analytics/saas/members/{id}/analytics", Who.PAT,
                a -> a.collector().memberAnalytics("m1").days(1).execute(),
                "/v1/analytics/saas/members/m1/analytics?days=1", null, env("{'series':[{}]}"),
                r -> assertThat(((AlephantData) r).json().path("series").size()).isEqualTo(1)));
        // ---- §7.2 atomic routes
        l.add(c("GET", "/v1/analytics/usage-summary", Who.PAT,
                a -> a.collector().usageSummary().preset(WindowPreset.MONTH_TO_DATE).execute(),
                "/v1/analytics/usage-summary?preset=mtd", null,
                env("{'preset':'mtd','window':{'startDate':'2026-03-01','endDate':'2026-03-07'},'previousWindow':{'startDate':'2026-02-22',"
                        + "'endDate':'2026-02-28'},'current':{'request_count':'12','cost_sum':'3.50'},'previous':{'request_count':'6','cost_sum':'1.25'}}"),
                r -> {
                    WindowReport w = (WindowReport) r;
                    assertThat(w.window().startDate()).isEqualTo("2026-03-01");
                    assertThat(w.previousWindow().endDate()).isEqualTo("2026-02-28");
                    assertThat(w.current().requestCount()).isEqualTo(12L);
                    assertThat(w.current().cost().unit()).isEqualTo(Money.Unit.USD_DOLLAR_STRING);
                    assertThat(w.previous().cost().dollars()).isEqualByComparingTo(new BigDecimal("1.25"));
                }));
        l.add(c("GET", "/v1/analytics/agents/cost-breakdown", Who.PAT,
                a -> a.collector().agentCostBreakdown().days(FROM, TO).limit(200).execute(),
                "/v1/analytics/agents/cost-breakdown?start=2026-03-01&end=2026-03-07&limit=200", null,
                env("{'window':{},'previousWindow':{},'summary':{'cost_sum':'9'},'rows':[{'agent_id':'a1','cost_sum':'9'}]}"),
                r -> {
                    WindowReport w = (WindowReport) r;
                    assertThat(w.rows().get(0).json().path("agent_id").asText()).isEqualTo("a1");
                    assertThat(w.summary().cost().cents()).isEqualTo(900L);
                }));
        l.add(c("GET", "/v1/analytics/departments/cost-breakdown", Who.PAT,
                a -> a.collector().departmentCostBreakdown().dates(FROM, TO).execute(),
                "/v1/analytics/departments/cost-breakdown?dateFrom=2026-03-01&dateTo=2026-03-07", null,
                env("{'rows':[{'id':'d1'}]}"),
                r -> assertThat(((AlephantData) r).json().path("rows").size()).isEqualTo(1)));
        l.add(c("GET", "/v1/analytics/members/cost-breakdown", Who.PAT,
                a -> a.collector().memberCostBreakdown().execute(),
                "/v1/analytics/members/cost-breakdown", null, env("{'rows':[]}"),
                r -> assertThat(((AlephantData) r).json().path("rows").isArray()).isTrue()));
        l.add(c("GET", "/v1/analytics/by-member", Who.PAT,
                a -> a.collector().byMember().dates(FROM, TO).limit(500).execute(),
                "/v1/analytics/by-member?dateFrom=2026-03-01&dateTo=2026-03-07&limit=500", null,
                env("{'rows':[{'member_id':'m1'}]}"),
                r -> assertThat(((AlephantData) r).json().path("rows").get(0).path("member_id").asText())
                        .isEqualTo("m1")));
        l.add(c("GET", "/v1/analytics/by-agent", Who.PAT, a -> a.collector().byAgent().limit(10).execute(),
                "/v1/analytics/by-agent?limit=10",
                null, env("{'rows':[{'agent_id':'a1'}]}"),
                r -> assertThat(((AlephantData) r).json().path("rows").get(0).path("agent_id").asText())
                        .isEqualTo("a1")));
        l.add(c("GET", "/v1/analytics/usage/timeseries", Who.PAT,
                a -> a.collector().timeseries(TimeseriesMetric.LATENCY).execute(),
                "/v1/analytics/usage/timeseries?metric=latency", null, env("{'points':[]}"),
                r -> assertThat(((AlephantData) r).json().path("points").isArray()).isTrue()));
        l.add(c("POST", "/v1/analytics/aggregate/ping", Who.PAT, a -> a.collector().ping(Granularity.DAY).execute(),
                "/v1/analytics/aggregate/ping", "{'granularity':'day'}",
                env("{'granularity':'day','rows':[{'request_count':'3','cost_sum':'0.30'}]}"),
                r -> {
                    PingResult p = (PingResult) r;
                    assertThat(p.rows().get(0).requestCount()).isEqualTo(3L);
                    assertThat(p.rows().get(0).cost().cents()).isEqualTo(30L);
                }));
        l.add(c("GET", "/v1/analytics/health", Who.NONE, a -> a.collector().health().execute(), "/v1/analytics/health",
                null,
                "{'status':'ok'}", r -> assertThat(((AlephantData) r).json().path("status").asText()).isEqualTo("ok")));
        return Collections.unmodifiableList(l);
    }
}
