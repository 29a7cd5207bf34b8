package io.tally.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.Environment;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --audit}, the official server's one-shot report, registered by the Alephant provider. */
class AlephantAuditTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, Environment.of(env), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPatPrintsTheWorkspaceOverview() {
        assertThat(run(Map.of(), "--audit", "--demo")).as(err()).isZero();
        assertThat(out()).startsWith("[Alephant audit — manager] workspace: " + AlephantDemo.WORKSPACE_ID + " {")
                .contains("totalCostCents").doesNotContain(AlephantDemo.ADMIN_PAT);
        assertThat(out().lines().count()).isEqualTo(1);
    }

    @Test
    void aVirtualKeyPrintsItsScopeAndBillingCycleUsage() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Map<String, String> env = Map.of("ALEPHANT_API_BASE_URL", fake.baseUrl(), "ALEPHANT_PAT",
                    AlephantDemo.AGENT_VK);
            assertThat(run(env, "--audit")).as(err()).isZero();
            assertThat(out()).startsWith("[Alephant audit — VK] {\"scope\":{").contains("\"usage\":{")
                    .contains(AlephantDemo.KEY_AGENT).doesNotContain(AlephantDemo.AGENT_VK);
            assertThat(fake.requests()).extracting(r -> r.path()).containsExactly("/api/v1/cockpit/scope",
                    "/api/v1/cockpit/usage-summary");
        }
    }

    @Test
    void failuresGoToStderrWithoutTheCredential() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            assertThat(run(Map.of("ALEPHANT_API_BASE_URL", fake.baseUrl(), "ALEPHANT_PAT", "vk-not-a-known-key"),
                    "--audit"))
                    .isEqualTo(1);
            assertThat(err()).startsWith("[Alephant audit — VK] failed: Authentication failed.")
                    .doesNotContain("vk-not-a-known-key");
            assertThat(out()).isEmpty();
            assertThat(run(Map.of("ALEPHANT_API_BASE_URL", fake.baseUrl(), "ALEPHANT_PAT", AlephantDemo.ADMIN_PAT),
                    "--audit")).isEqualTo(1);
            assertThat(err()).contains("also needs ALEPHANT_WORKSPACE_ID");
            assertThat(fake.requests()).as("nothing sent without the workspace").hasSize(1);
        }
    }

    @Test
    void theCommandBelongsToItsProvider() {
        assertThat(run(Map.of("ALEPHANT_API_BASE_URL", "http://127.0.0.1:9"), "--audit")).as("no credential")
                .isEqualTo(2);
        assertThat(err()).contains("--audit needs the Alephant API token in the environment: set ALEPHANT_PAT");
        assertThat(run(Map.of(), "--audit", "--demo", "--provider", "hitkeep")).isEqualTo(2);
        assertThat(err()).contains("--audit is a command of alephant alone");
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out()).contains("--audit").contains("Runs once with the credentials of --stdio");
    }
}
