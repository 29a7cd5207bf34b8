package io.tally.alke;

import io.tally.testkit.alke.AlkeDemo;
import io.tally.testkit.alke.FakeAlke;
import io.tally.testkit.conformance.AbstractProviderConformanceTest;
import io.tally.testkit.conformance.ClientSetup;
import io.tally.testkit.conformance.ClientUnderTest;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeServer;
import java.time.LocalDate;

/**
 * The provider conformance suite for Alke, against {@link FakeAlke}. Alke's one route is a POST that only reads
 * ({@code POST /api/reports}, marked safe to retry), so there is no GET and the POST is retried after a 5xx; it takes
 * no idempotency key. The canary credential is accepted as an opaque token (no dots), as {@link AlkeToken} allows.
 */
class AlkeProviderConformanceTest extends AbstractProviderConformanceTest {

    @Override
    protected FakeServer startServer(String credential) {
        return FakeAlke.builder().token(credential).start().server();
    }

    @Override
    protected ClientUnderTest newClient(ClientSetup setup) {
        Alke alke = Alke.builder()
                .baseUrl(setup.baseUrl())
                .serviceAccountToken(setup.credential())
                .retryPolicy(setup.retryPolicy())
                .sleeper(setup.sleeper())
                .clock(setup.clock())
                .build();
        AlkeReportRequest report = AlkeReportRequest.builder()
                .propertyId(AlkeDemo.SHOP_PROPERTY_ID)
                .dateFrom(LocalDate.of(2025, 12, 1)).dateTo(LocalDate.of(2025, 12, 7))
                .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS)
                .dimension(AlkeDimensions.DATE)
                .build();
        return new ClientUnderTest() {
            @Override
            public void get() {
                throw new UnsupportedOperationException("Alke documents no GET route");
            }

            @Override
            public void post() {
                alke.reports().run(report);
            }

            @Override
            public String toString() {
                return alke.toString();
            }
        };
    }

    @Override
    protected ErrorBody errorBody(int status, String code, String message) {
        return ErrorBody.json("{\"statusCode\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message
                + "\"}");
    }

    @Override
    protected boolean supportsGet() {
        return false;
    }

    @Override
    protected boolean retriesPostOnServerError() {
        return true;
    }

    @Override
    protected boolean supportsIdempotencyKeys() {
        return false;
    }
}
