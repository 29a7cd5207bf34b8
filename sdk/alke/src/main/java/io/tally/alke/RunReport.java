package io.tally.alke;

import io.tally.core.Credentials;
import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.RouteCredentials;

/**
 * {@code POST /api/reports} for one {@link AlkeReportRequest}, ready to send: {@link #execute()},
 * {@link #executeAsync()} or {@link #executeRaw()}, with per-request options (timeout, retries, headers).
 *
 * <p>The route only reads, so although it is a POST it is retried like a GET: after 429, 5xx, 408 and network
 * failures, waiting for {@code Retry-After} when the server sends it (whether Alke does is not documented).
 */
public final class RunReport extends ApiRequest<AlkeReport, RunReport> {
    private static final RouteCredentials TOKEN_ONLY = RouteCredentials.anyOf("an Alke API token",
            "build the client with serviceAccountToken(...), personalToken(...) or tokenSupplier(...), "
                    + "or set ALKE_API_TOKEN with fromEnv()",
            Credentials.Kind.BEARER);

    private final AlkeReportRequest report;

    RunReport(ClientContext context, AlkeReportRequest report) {
        super(context, "POST", "/api/reports", new Object[0], response -> new AlkeReport(report, response.json()));
        this.report = java.util.Objects.requireNonNull(report, "report");
        jsonBody(report.toBody());
        safeToRetry();
        routeCredentials(TOKEN_ONLY);
    }

    /** The report this request asks for. */
    public AlkeReportRequest report() {
        return report;
    }
}
