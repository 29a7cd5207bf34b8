package io.tally.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.ApiConnectionException;
import io.tally.core.spi.ApiExceptions;
import io.tally.core.spi.ErrorContext;
import io.tally.core.spi.ErrorDetails;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every provider's tool errors say unless the provider says more. */
class StandardErrorTranslatorTest {
    private final ErrorTranslator errors = new StandardErrorTranslator("Acme", "https://acme.example", "--acme-url") {};
    private final Arguments none = Arguments.of(Map.of());

    private static RuntimeException status(int code, String message, Duration retryAfter) {
        return ApiExceptions.forStatus(new ErrorContext("Acme", "GET", "/v1/report", code, null, message, "req-7",
                ErrorDetails.message(message), retryAfter));
    }

    @Test
    void eachKindOfFailureSaysWhatToDoAndCarriesTheRequestId() {
        assertThat(errors.translate("acme_report", status(401, "bad token", null), none))
                .startsWith("Acme answered 401 Unauthorized").endsWith("(Acme request id req-7)");
        assertThat(errors.translate("acme_report", status(403, "no scope", null), none))
                .startsWith("Acme answered 403 Forbidden (no scope)").contains("acme_report");
        assertThat(errors.translate("acme_report", status(404, "no such report", null), none))
                .startsWith("Acme answered 404 (no such report): check the ids");
        assertThat(errors.translate("acme_report", status(429, "slow down", Duration.ofSeconds(3)), none))
                .startsWith("Acme rate limited the request (429 Too Many Requests); retry in 3 s.");
        assertThat(errors.translate("acme_report", status(400, "from is required", null), none))
                .startsWith("Acme rejected the request (400): from is required. Correct the arguments");
        assertThat(errors.translate("acme_report", status(502, "upstream", null), none))
                .startsWith("Acme failed with 502 (upstream); retry later.");
        assertThat(errors.translate("acme_report", status(418, "teapot", null), none))
                .startsWith("Acme answered 418: teapot");
        assertThat(errors.translate("acme_report", new ApiConnectionException("connection refused", null), none))
                .isEqualTo("Could not reach Acme at https://acme.example (connection refused); check that the instance "
                        + "is up and that the MCP server's --acme-url is right.");
    }

    @Test
    void callerCredentialsNeverShowTheTokenOrHeaderValues() {
        CallerCredentials c = CallerCredentials.of(CallerToken.of("secret-token"),
                Map.of("X-Workspace-Id", "ws-secret"));
        assertThat(c.toString()).isEqualTo("CallerCredentials[" + CallerToken.of("secret-token").shortHash()
                + ", headers=[X-Workspace-Id]]");
        assertThat(c.header("x-workspace-id")).contains("ws-secret");
        assertThat(c)
                .isEqualTo(CallerCredentials.of(CallerToken.of("secret-token"), Map.of("X-Workspace-Id", "ws-secret")))
                .isNotEqualTo(
                        CallerCredentials.of(CallerToken.of("secret-token"), Map.of("X-Workspace-Id", "ws-other")));
        assertThat(ToolContext.of(c).callerLabel()).isEqualTo(c.shortHash());
        assertThat(ToolContext.of((CallerCredentials) null).caller()).isEmpty();
    }
}
