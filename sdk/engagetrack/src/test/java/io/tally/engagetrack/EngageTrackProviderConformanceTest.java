package io.tally.engagetrack;

import io.tally.engagetrack.model.FunnelInput;
import io.tally.engagetrack.model.FunnelStep;
import io.tally.testkit.conformance.AbstractProviderConformanceTest;
import io.tally.testkit.conformance.ClientSetup;
import io.tally.testkit.conformance.ClientUnderTest;
import io.tally.testkit.engagetrack.EngageTrackDemo;
import io.tally.testkit.engagetrack.FakeEngageTrack;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeServer;

/**
 * The provider conformance suite for EngageTrack, against {@link FakeEngageTrack}: the read call lists sites, the
 * write creates a funnel. EngageTrack's errors are {@code {"error": "…"}} with no code.
 */
class EngageTrackProviderConformanceTest extends AbstractProviderConformanceTest {

    @Override
    protected FakeServer startServer(String credential) {
        return FakeEngageTrack.builder()
                .apiKey(credential, EngageTrackDemo.ALL_SCOPES.toArray(new String[0]))
                .start()
                .server();
    }

    @Override
    protected ClientUnderTest newClient(ClientSetup setup) {
        EngageTrack engagetrack = EngageTrack.builder()
                .baseUrl(setup.baseUrl() + FakeEngageTrack.PREFIX)
                .apiKey(setup.credential())
                .organizationId(EngageTrackDemo.ORG_ID)
                .retryPolicy(setup.retryPolicy())
                .options(o -> o.sleeper(setup.sleeper()))
                .build();
        FunnelInput funnel = FunnelInput.of("Conformance", FunnelStep.pageview("Home", "/"),
                FunnelStep.pageview("Cart", "/cart"));
        return new ClientUnderTest() {
            @Override
            public void get() {
                engagetrack.sites().list().execute();
            }

            @Override
            public void post() {
                engagetrack.funnels().create(EngageTrackDemo.SHOP_SITE_ID, funnel).execute();
            }

            @Override
            public void postWithIdempotencyKey(String key) {
                engagetrack.funnels().create(EngageTrackDemo.SHOP_SITE_ID, funnel).idempotencyKey(key).execute();
            }

            @Override
            public String toString() {
                return engagetrack.toString();
            }
        };
    }

    @Override
    protected ErrorBody errorBody(int status, String code, String message) {
        return ErrorBody.json("{\"error\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    @Override
    protected boolean errorBodiesCarryCode() {
        return false;
    }
}
