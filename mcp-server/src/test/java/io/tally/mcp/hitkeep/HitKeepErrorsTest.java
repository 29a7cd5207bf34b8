package io.tally.mcp.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.core.ApiConnectionException;
import io.tally.core.spi.ApiExceptions;
import io.tally.core.ApiTimeoutException;
import io.tally.core.HttpHeaders;
import io.tally.core.PermissionDeniedException;
import io.tally.core.spi.ErrorResponse;
import io.tally.hitkeep.internal.HitKeepErrorDecoder;
import io.tally.core.spi.ErrorContext;
import io.tally.core.spi.ErrorDetails;
import io.tally.mcp.tool.Arguments;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of HitKeep failure becomes a sentence that says what to do. */
class HitKeepErrorsTest {
    private static final String SITE = "8a4e6c2b-1f3d-4b59-8e7a-2c3d4e5f6a7b";
    private final HitKeepErrors errors = new HitKeepErrors("https://analytics.example.com/");
    private final Arguments site = Arguments.of(Map.of("site_id", SITE));

    /** The exception the SDK throws for this HitKeep answer: details read by HitKeep's own decoder. */
    private static RuntimeException status(int code, String message) {
        ErrorDetails details = new HitKeepErrorDecoder()
                .decode(new ErrorResponse(code, HttpHeaders.empty(), message + "\n", "GET"));
        return ApiExceptions.forStatus(new ErrorContext("HitKeep", "GET", "/api/sites/{id}/stats", code, null,
                message + "\n", "req-42", details, null));
    }

    private static RuntimeException denied(String message, PermissionDeniedException.Reason reason) {
        return ApiExceptions.forStatus(new ErrorContext("HitKeep", "GET", "/api/sites/{id}/stats", 403, null,
                message, null, ErrorDetails.builder().message(message).denialReason(reason).build(), null));
    }

    @Test
    void accessDeniedNamesTheGrantAndTheSite() {
        assertThat(errors.translate("hitkeep_get_site_overview", status(403, "Access denied"), site))
                .contains("no site.view grant on site " + SITE, "add a site role for the API client", "req-42");
        assertThat(errors.translate("hitkeep_ingest_event", status(403, "Access denied"), Arguments.of(Map.of())))
                .contains("no site.manage_data grant", "owner or admin");
        assertThat(errors.translate("hitkeep_get_site_overview", status(403, "Forbidden"), site))
                .contains("lacks site.view");
    }

    @Test
    void the403ExplanationFollowsTheTypedReasonNotTheMessageText() {
        assertThat(errors.translate("hitkeep_get_site_overview",
                denied("no access to this site", PermissionDeniedException.Reason.NO_GRANT), site))
                .contains("no site.view grant on site " + SITE);
        assertThat(errors.translate("hitkeep_get_site_overview",
                denied("role too low", PermissionDeniedException.Reason.ROLE_TOO_LOW), site))
                .contains("lacks site.view");
        assertThat(errors.translate("hitkeep_get_site_overview",
                denied("Access denied", PermissionDeniedException.Reason.UNKNOWN), site))
                .contains("403 Forbidden (Access denied): the token may not do this");
    }

    @Test
    void unauthorizedRateLimitedAndServerErrorsSayWhatToDo() {
        assertThat(errors.translate("hitkeep_list_sites", status(401, "Unauthorized"), site))
                .contains("the token is unknown, revoked or expired");
        assertThat(errors.translate("hitkeep_list_sites", status(429, "Too Many Requests"), site))
                .contains("rate limited", "retry in a few seconds");
        assertThat(errors.translate("hitkeep_list_sites", status(503, "Service not available on this node"), site))
                .contains("503", "Service not available on this node", "retry later");
        assertThat(errors.translate("hitkeep_list_sites", status(400, "invalid filter type"), site))
                .contains("rejected the request (400): invalid filter type");
        assertThat(errors.translate("hitkeep_get_search_console", status(412, "Search Console property is not mapped"),
                site)).startsWith("Search Console property is not mapped").contains("Map one in HitKeep");
        assertThat(errors.translate("hitkeep_get_funnel_stats", status(404, "Funnel not found"), site))
                .contains("Funnel not found", "check the ids");
    }

    @Test
    void connectionProblemsNameTheInstance() {
        assertThat(errors.translate("hitkeep_list_sites", new ApiConnectionException("connection refused", null), site))
                .contains("Could not reach HitKeep at https://analytics.example.com/", "--base-url");
        assertThat(errors.translate("hitkeep_list_sites", new ApiTimeoutException("read timed out", null), site))
                .contains("did not answer in time");
    }
}
