package io.tally.alephant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tally.alephant.model.Money;
import io.tally.alephant.model.Pat;
import io.tally.core.AuthenticationException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import io.tally.testkit.server.Fault;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** FakeAlephant behaves as the reference says Alephant does, seen through the SDK. */
class FakeAlephantBehaviourTest {
    private static Alephant.Builder client(FakeAlephant fake) {
        return Alephant.builder().baseUrl(fake.baseUrl()).analyticsBaseUrl(fake.baseUrl()).maxRetries(0);
    }

    @Test
    void patScopesAreEnforcedAndADeletedPatIsRevoked() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant owner = client(fake).jwt(AlephantDemo.OWNER_JWT).workspaceId(AlephantDemo.WORKSPACE_ID).build();
            Pat created = owner.pats().create("reader", EnumSet.of(PatScope.READ), null).execute();
            Alephant reader = client(fake).pat(created.token().orElseThrow(AssertionError::new))
                    .workspaceId(AlephantDemo.WORKSPACE_ID).build();
            assertThat(reader.analytics().overview().execute().totalMembers()).isEqualTo(6L);
            PermissionDeniedException denied = catchThrowableOfType(() -> reader.virtualKeys()
                    .create("x", AlephantDemo.MASTER_OPENAI, Money.ofCents(100), 10).execute(),
                    PermissionDeniedException.class);
            assertThat(denied.missingScope()).contains("write");

            owner.pats().delete(created.id()).execute();
            assertThat(
                    catchThrowableOfType(() -> reader.analytics().overview().execute(), AuthenticationException.class))
                    .isNotNull();
        }
    }

    @Test
    void aPatIsBoundToItsWorkspace() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant elsewhere = client(fake).pat(AlephantDemo.ADMIN_PAT)
                    .workspaceId("00000000-0000-4000-8000-000000000000").build();
            assertThat(catchThrowableOfType(() -> elsewhere.analytics().overview().execute(),
                    PermissionDeniedException.class))
                    .isNotNull();
        }
    }

    @Test
    void rateLimitFaultsCarryRetryAfter() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant vk = client(fake).virtualKey(AlephantDemo.MEMBER_VK).build();
            fake.failNext(Fault.rateLimited(Duration.ofSeconds(3)));
            RateLimitException e = catchThrowableOfType(() -> vk.cockpit().scope().execute(), RateLimitException.class);
            assertThat(Alephant.retryDelay(e)).isEqualTo(Duration.ofSeconds(3));
            assertThat(vk.cockpit().scope().execute().entityType()).isEqualTo("member");
            assertThat(fake.requests()).hasSize(2);
        }
    }

    @Test
    void aRevokedKeyIsRefused() {
        try (FakeAlephant fake = FakeAlephant.start()) {
            Alephant admin = client(fake).pat(AlephantDemo.ADMIN_PAT).workspaceId(AlephantDemo.WORKSPACE_ID).build();
            admin.virtualKeys().revoke(AlephantDemo.KEY_MEMBER).execute();
            Alephant vk = client(fake).virtualKey(AlephantDemo.MEMBER_VK).build();
            assertThat(catchThrowableOfType(() -> vk.cockpit().scope().execute(), AuthenticationException.class))
                    .isNotNull();
            assertThat(fake.virtualKey(AlephantDemo.KEY_MEMBER).path("status").asText()).isEqualTo("revoked");
        }
    }
}
