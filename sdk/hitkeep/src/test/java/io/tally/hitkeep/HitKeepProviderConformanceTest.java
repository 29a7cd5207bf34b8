package io.tally.hitkeep;

import io.tally.hitkeep.model.GoalInput;
import io.tally.hitkeep.model.MatchType;
import io.tally.testkit.conformance.AbstractProviderConformanceTest;
import io.tally.testkit.conformance.ClientSetup;
import io.tally.testkit.conformance.ClientUnderTest;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.Grant;
import io.tally.testkit.hitkeep.HitKeepDemo;
import io.tally.testkit.hitkeep.Role;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeServer;

/**
 * The provider conformance suite for HitKeep, against {@link FakeHitKeep}: the read call lists sites, the write
 * creates a goal. HitKeep's errors are Go's {@code http.Error} plain-text lines, so they carry no code.
 */
class HitKeepProviderConformanceTest extends AbstractProviderConformanceTest {

    @Override
    protected FakeServer startServer(String credential) {
        return FakeHitKeep.builder()
                .token(credential, Grant.allSites(Role.OWNER))
                .originCheck(false)
                .start()
                .server();
    }

    @Override
    protected ClientUnderTest newClient(ClientSetup setup) {
        HitKeep hitkeep = HitKeep.builder()
                .baseUrl(setup.baseUrl())
                .apiToken(setup.credential())
                .retryPolicy(setup.retryPolicy())
                .options(o -> o.sleeper(setup.sleeper()))
                .build();
        GoalInput goal = GoalInput.of("Conformance", MatchType.PATH, "/conformance");
        return new ClientUnderTest() {
            @Override
            public void get() {
                hitkeep.sites().list().execute();
            }

            @Override
            public void post() {
                hitkeep.goals().create(HitKeepDemo.SHOP_SITE_ID, goal).execute();
            }

            @Override
            public void postWithIdempotencyKey(String key) {
                hitkeep.goals().create(HitKeepDemo.SHOP_SITE_ID, goal).idempotencyKey(key).execute();
            }

            @Override
            public String toString() {
                return hitkeep.toString();
            }
        };
    }

    @Override
    protected ErrorBody errorBody(int status, String code, String message) {
        return ErrorBody.text(message + "\n");
    }

    @Override
    protected boolean errorBodiesCarryCode() {
        return false;
    }
}
