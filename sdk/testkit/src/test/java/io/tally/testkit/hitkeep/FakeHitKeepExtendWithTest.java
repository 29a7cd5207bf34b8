package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeHitKeepExtension.class)
class FakeHitKeepExtendWithTest {
    private final FakeHitKeep fromConstructor;

    FakeHitKeepExtendWithTest(FakeHitKeep fake) {
        this.fromConstructor = fake;
    }

    @Test
    void injectsOneDemoFakeIntoConstructorAndMethods(FakeHitKeep fake) {
        assertThat(fake).isSameAs(fromConstructor);
        assertThat(new Http(fake).get("/api/sites", Http.bearer(HitKeepDemo.TOKEN)).status()).isEqualTo(200);
    }

    @Test
    void recordedRequestsStartEmptyInEveryTest(FakeHitKeep fake) {
        assertThat(fake.requests()).isEmpty();
        new Http(fake).get("/api/status");
        assertThat(fake.requestCount()).isEqualTo(1);
    }
}
