package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHitKeepExtensionTest {
    private static final String GOALS = "/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/goals";

    @RegisterExtension
    static final FakeHitKeepExtension HITKEEP = FakeHitKeepExtension.create(Fixtures.builder()
            .token("tok-configured", Grant.site(HitKeepDemo.SHOP_SITE_ID, Role.EDITOR)).build());

    /** Each repetition adds a goal; the reset before each test keeps the count from growing. */
    @RepeatedTest(3)
    void everyTestStartsFromTheConfiguredState(FakeHitKeep fake) {
        assertThat(fake).isSameAs(HITKEEP.fake());
        assertThat(fake.requests()).isEmpty();
        Http http = new Http(HITKEEP.baseUrl());
        assertThat(json(http.get(GOALS, Http.bearer("tok-configured")))).hasSize(3);

        http.post(GOALS, "{\"name\":\"n\",\"type\":\"path\",\"value\":\"/n\"}",
                "Authorization", "Bearer tok-configured", "Origin", fake.publicOrigin());
        fake.addToken("tok-runtime");

        assertThat(json(http.get(GOALS, Http.bearer("tok-configured")))).hasSize(4);
    }

    @Nested
    class InANestedClass {
        @Test
        void theOuterServerKeepsRunning(FakeHitKeep fake) {
            assertThat(fake).isSameAs(HITKEEP.fake());
            assertThat(new Http(fake).get("/api/status").status()).isEqualTo(200);
        }
    }

    @Nested
    class RegisteredOnAnInstanceField {
        @RegisterExtension
        final FakeHitKeepExtension perTest = FakeHitKeepExtension.create(Fixtures.builder().build());

        @Test
        void runsAServerForTheTest() {
            assertThat(new Http(perTest.baseUrl()).get("/api/status").status()).isEqualTo(200);
            assertThat(perTest.fake()).isNotSameAs(HITKEEP.fake());
        }
    }

    @Test
    void fakeIsUnavailableOutsideALifecycle() {
        assertThatThrownBy(() -> FakeHitKeepExtension.create().fake())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }
}
