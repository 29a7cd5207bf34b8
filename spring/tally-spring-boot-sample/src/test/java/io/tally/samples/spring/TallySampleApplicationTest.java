package io.tally.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tally.hitkeep.HitKeep;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.Grant;
import io.tally.testkit.hitkeep.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample application, started for real against the testkit fakes. */
class TallySampleApplicationTest {
    @Test
    void reportRunsAgainstTheConfiguredClientsAndItsEventIsSentAtShutdown() {
        try (FakeHitKeep hitKeep = FakeHitKeep.start(); FakeAltertable altertable = FakeAltertable.start()) {
            hitKeep.addToken("sample-token-0123456789", Grant.allSites(Role.VIEWER));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TallySampleApplication.class)
                    .properties("tally.hitkeep.base-url=" + hitKeep.baseUrl(),
                            "tally.hitkeep.api-token=sample-token-0123456789",
                            "tally.altertable.api-key=" + FakeAltertable.DEFAULT_API_KEY,
                            "tally.altertable.base-url=" + altertable.baseUrl())
                    .run();
            HitKeep client = context.getBean(HitKeep.class);
            assertThat(client.options().userAgent()).isEqualTo("tally-spring-sample/1.0"); // from application.properties
            assertThat(hitKeep.requests()).anyMatch(r -> r.path().equals("/api/sites"));

            context.close();

            assertThat(altertable.tracks()).singleElement().satisfies(e -> {
                assertThat(e.event()).isEqualTo("site_report_run");
                assertThat(e.distinctId()).isEqualTo("tally-sample");
            });
        }
    }
}
