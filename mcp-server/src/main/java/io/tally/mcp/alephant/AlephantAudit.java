package io.tally.mcp.alephant;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tally.alephant.Alephant;
import io.tally.alephant.CockpitPeriod;
import io.tally.core.TallyException;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.CallerCredentials;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code --audit}, as the official server defines it: one line on stdout, then exit. A virtual key prints its scope
 * and its billing-cycle usage summary ({@code [Alephant audit — VK] {"scope":…,"usage":…}}), a PAT the workspace
 * overview ({@code [Alephant audit — manager] workspace: <id> {…}}). The line is bounded
 * ({@value #MAX_REPORT_CHARS} characters of JSON) and never holds the credential (any occurrence is replaced);
 * failures go to stderr, in the tools' words, with exit code 1.
 */
final class AlephantAudit {
    /** The flag. */
    static final String FLAG = "--audit";
    /** The longest JSON printed; longer reports are cut, and say so. */
    static final int MAX_REPORT_CHARS = 64 * 1024;

    private AlephantAudit() {}

    /** Runs the audit with the server-side credentials; the exit code. */
    static int run(Alephant base, CallerCredentials credentials, PrintStream out, PrintStream err) {
        String token = credentials.token();
        boolean vk = token.startsWith("vk-");
        String label = "[Alephant audit — " + (vk ? "VK" : "manager") + "]";
        String workspace = credentials.header(AlephantProvider.WORKSPACE.name()).orElse(null);
        if (!vk && workspace == null) {
            err.println(
                    label + " failed: ALEPHANT_PAT holds a PAT; the manager audit also needs ALEPHANT_WORKSPACE_ID");
            return 1;
        }
        try {
            if (vk) {
                Alephant client = base.withVirtualKey(token);
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("scope", AlephantModule.value(client.cockpit().scope().execute().json()));
                report.put("usage", AlephantModule.value(client.cockpit().usageSummary()
                        .period(CockpitPeriod.fromWire("billing_cycle")).execute().json()));
                out.println(label + " " + bounded(report, token));
            } else {
                Alephant client = base.withPat(token, Objects.requireNonNull(workspace, "workspace")); // checked above
                out.println(label + " workspace: " + workspace + " "
                        + bounded(AlephantModule.value(client.analytics().overview().execute().json()), token));
            }
            out.flush();
            return 0;
        } catch (TallyException e) {
            // a built client has a base URL
            String baseUrl = Objects.requireNonNull(base.options().baseUrl(), "baseUrl").toString();
            String message = new AlephantErrors(baseUrl).translate(FLAG, e, Arguments.of(Map.of()));
            err.println(label + " failed: " + message.replace(token, "[credential]"));
            return 1;
        }
    }

    /** The report as JSON, without the credential, cut at {@value #MAX_REPORT_CHARS} characters. */
    static String bounded(@Nullable Object report, String credential) {
        String json;
        try {
            json = AlephantModule.JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the audit report", e);
        }
        json = json.replace(credential, "[credential]");
        return json.length() <= MAX_REPORT_CHARS ? json
                : json.substring(0, MAX_REPORT_CHARS) + " ... (cut at " + MAX_REPORT_CHARS + " characters)";
    }
}
