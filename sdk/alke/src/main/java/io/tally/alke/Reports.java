package io.tally.alke;

import io.tally.core.spi.ClientContext;
import java.util.concurrent.CompletableFuture;

/** Alke's reports: {@code POST /api/reports}, the one route Alke documents. */
public final class Reports {
    private final ClientContext context;

    Reports(ClientContext context) {
        this.context = context;
    }

    /**
     * Runs a report and waits for it.
     *
     * @throws io.tally.core.AuthenticationException on 401: the token is wrong, regenerated or expired (the
     *     message says which when the token's {@code exp} has passed)
     * @throws io.tally.core.PermissionDeniedException on 403: the token may not read this property
     * @throws io.tally.core.ApiException for any other error status, with the raw body and headers kept
     */
    public AlkeReport run(AlkeReportRequest request) {
        return request(request).execute();
    }

    /** Runs a report on the client's async executor; the future fails with what {@link #run} would throw. */
    public CompletableFuture<AlkeReport> runAsync(AlkeReportRequest request) {
        return request(request).executeAsync();
    }

    /** The report as a request object, for per-request options or {@code executeRaw()} (status and headers). */
    public RunReport request(AlkeReportRequest request) {
        return new RunReport(context, java.util.Objects.requireNonNull(request, "request"));
    }
}
