package io.tally.alephant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.alephant.model.Money;
import io.tally.core.CredentialsRequiredException;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Alephant's rules checked before sending: each bad input fails with a message naming the field
 * or the credential, and the fake receives nothing.
 */
class PreSendRulesTest {
    private FakeAlephant fake;
    private Alephant pat;
    private Alephant vk;
    private Alephant patWithoutWorkspace;

    @BeforeEach
    void start() {
        fake = FakeAlephant.start();
        pat = Alephant.builder().baseUrl(fake.baseUrl()).analyticsBaseUrl(fake.baseUrl()).maxRetries(0)
                .pat(AlephantDemo.ADMIN_PAT).workspaceId(AlephantDemo.WORKSPACE_ID).build();
        vk = Alephant.builder().baseUrl(fake.baseUrl()).analyticsBaseUrl(fake.baseUrl()).maxRetries(0)
                .virtualKey(AlephantDemo.AGENT_VK).build();
        patWithoutWorkspace = Alephant.builder().baseUrl(fake.baseUrl()).maxRetries(0).pat(AlephantDemo.ADMIN_PAT)
                .build();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private void refused(Class<? extends Throwable> type, String messagePart, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(messagePart);
        assertThat(fake.requests()).as("nothing sent").isEmpty();
    }

    @Test
    void datesGoTogether() {
        refused(IllegalArgumentException.class, "dateFrom and dateTo go together",
                () -> pat.analytics().usage().dateFrom(LocalDate.of(2026, 3, 1)).execute());
        refused(IllegalArgumentException.class, "dateFrom and dateTo go together",
                () -> pat.collector().costs().dateTo(LocalDate.of(2026, 3, 1)).execute());
    }

    @Test
    void datesMustNotBeReversed() {
        refused(IllegalArgumentException.class, "dateTo (2026-03-01) must not be before dateFrom (2026-03-05)",
                () -> pat.analytics().costs().dates(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 1)).execute());
    }

    @Test
    void aSingleDayIsAValidInclusiveWindow() {
        assertThat(pat.analytics().usage().dates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)).execute().series())
                .hasSize(1);
    }

    @Test
    void requiredDatesAreRequired() {
        refused(IllegalArgumentException.class, "dateFrom and dateTo are required",
                () -> pat.collector().logsStats().execute());
    }

    @Test
    void atMostOneScopeOnUsage() {
        refused(IllegalArgumentException.class, "at most one of agentId, memberId and departmentId",
                () -> pat.analytics().usage().agentId("a").memberId("m").execute());
        refused(IllegalArgumentException.class, "memberId is not accepted",
                () -> pat.analytics().costs().memberId("m").execute());
    }

    @Test
    void daysAreOneSevenOrThirty() {
        assertThatThrownBy(() -> pat.directory().agentAnalytics("a").days(14))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("days must be 1, 7 or 30, got 14");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void hourlyGranularityIsRefusedForSuccessRateAndLatency() {
        refused(IllegalArgumentException.class, "granularity hour is not available for metric latency",
                () -> pat.analytics().timeseries(TimeseriesMetric.LATENCY).granularity(Granularity.HOUR).execute());
        refused(IllegalArgumentException.class, "success_rate",
                () -> pat.collector().timeseries(TimeseriesMetric.SUCCESS_RATE).granularity(Granularity.HOUR)
                        .execute());
    }

    @Test
    void presetAndDaysDoNotMix() {
        refused(IllegalArgumentException.class, "either preset or start and end",
                () -> pat.collector().usageSummary().preset(WindowPreset.LAST_7_DAYS)
                        .days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)).execute());
    }

    @Test
    void limitsHaveTheirRanges() {
        assertThatThrownBy(() -> pat.analytics().live24h().limit(11))
                .hasMessage("limit must be between 1 and 10, got 11");
        assertThatThrownBy(() -> vk.cockpit().recentRequests().limit(0))
                .hasMessage("limit must be between 1 and 100, got 0");
        assertThatThrownBy(() -> vk.cockpit().recentRequests().offset(-1))
                .hasMessage("offset must be 0 or more, got -1");
        assertThatThrownBy(() -> pat.directory().members().pageSize(201))
                .hasMessage("pageSize must be between 1 and 200, got 201");
        refused(IllegalArgumentException.class, "limit must be between 1 and 200, got 201",
                () -> pat.collector().agentCostBreakdown().limit(201).execute());
        refused(IllegalArgumentException.class, "limit must be between 1 and 500, got 501",
                () -> pat.collector().byAgent().limit(501).execute());
    }

    @Test
    void workspaceRoutesNeedTheWorkspaceHeader() {
        refused(CredentialsRequiredException.class, "X-Workspace-Id",
                () -> patWithoutWorkspace.analytics().overview().execute());
    }

    @Test
    void jwtOnlyRoutesRefuseAPatNamingTheJwt() {
        refused(CredentialsRequiredException.class, "only a user JWT", () -> pat.pats().list().execute());
        refused(CredentialsRequiredException.class, "only a user JWT", () -> pat.directory().logs().execute());
        refused(CredentialsRequiredException.class, "only a user JWT", () -> pat.workspaces().list().execute());
    }

    @Test
    void cockpitRoutesRefuseAPatNamingTheVirtualKey() {
        refused(CredentialsRequiredException.class, "only a virtual key", () -> pat.cockpit().scope().execute());
    }

    @Test
    void workspaceRoutesRefuseAVirtualKey() {
        refused(CredentialsRequiredException.class, "a personal access token or a user JWT",
                () -> vk.analytics().overview().execute());
    }

    @Test
    void writesCheckTheirInputs() {
        assertThatThrownBy(() -> pat.virtualKeys().create("", AlephantDemo.MASTER_OPENAI, Money.ofCents(1), 10))
                .hasMessageContaining("label must be 1 to 100 characters");
        assertThatThrownBy(() -> pat.virtualKeys().create("x", "not-a-uuid", Money.ofCents(1), 10))
                .hasMessageContaining("masterKeyId must be a UUID");
        assertThatThrownBy(() -> pat.virtualKeys().create("x", AlephantDemo.MASTER_OPENAI, Money.ofDollars("-1"), 10))
                .hasMessageContaining("budget must be 0 or more");
        assertThatThrownBy(() -> pat.virtualKeys().create("x", AlephantDemo.MASTER_OPENAI, Money.ofCents(1), 10001))
                .hasMessageContaining("rateLimitRpm must be between 1 and 10000");
        assertThatThrownBy(() -> pat.billing().putBudgetPolicy(Money.ofCents(1), ExceededAction.PAUSE, "monthly",
                Arrays.asList(50, 150), "USD"))
                .hasMessageContaining("thresholds must be percentages between 1 and 100, got 150");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aVirtualKeyCannotBeCombinedWithAWorkspace() {
        assertThatThrownBy(() -> Alephant.builder().virtualKey("vk-x").workspaceId(AlephantDemo.WORKSPACE_ID).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workspaceId must not be set with a virtual key");
        assertThatThrownBy(() -> Alephant.builder().virtualKey("pat_x")).hasMessageContaining("starting with vk-")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pat_x"));
    }
}
