package io.tally.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerClientsTest {
    /** A stand-in provider client: which credentials it was derived for. */
    private record Client(String token) {}

    private final List<String> derived = new ArrayList<>();
    private final CallerClients<Client> clients = new CallerClients<>("Demo", "DEMO_TOKEN", List.of(), new Client(null),
            false, (base, caller) -> {
                derived.add(caller.token());
                return new Client(caller.token());
            });

    private static ToolContext caller(String token) {
        return ToolContext.of(CallerCredentials.bearer(token));
    }

    @Test
    void aCallerKeepsItsClientForItsNextCalls() {
        Client first = clients.forCall(caller("token-a"));
        Client again = clients.forCall(caller("token-a"));
        Client other = clients.forCall(caller("token-b"));

        assertThat(again).isSameAs(first);
        assertThat(first.token()).isEqualTo("token-a");
        assertThat(other.token()).isEqualTo("token-b");
        assertThat(derived).containsExactly("token-a", "token-b");
    }

    @Test
    void theSameTokenWithOtherHeadersIsAnotherCaller() {
        Client plain = clients.forCall(caller("token-a"));
        Client withHeader = clients.forCall(ToolContext.of(CallerCredentials.of(CallerToken.of("token-a"),
                Map.of("X-Workspace-Id", "ws-1"))));

        assertThat(withHeader).isNotSameAs(plain);
        assertThat(derived).hasSize(2);
    }

    @Test
    void keepsAtMostTheCallersSeenLast() {
        for (int i = 0; i < CallerClients.CACHED_CALLERS + 50; i++) {
            clients.forCall(caller("token-" + i));
        }
        assertThat(clients.cachedCallers()).isEqualTo(CallerClients.CACHED_CALLERS);

        derived.clear();
        clients.forCall(caller("token-" + (CallerClients.CACHED_CALLERS + 49)));
        assertThat(derived).as("a recent caller is still kept").isEmpty();
        clients.forCall(caller("token-0"));
        assertThat(derived).as("the least recently used caller was dropped").containsExactly("token-0");
        assertThat(clients.cachedCallers()).isEqualTo(CallerClients.CACHED_CALLERS);
    }

    @Test
    void withoutCredentialsTheCallIsRefusedAndNothingIsKept() {
        assertThatThrownBy(() -> clients.forCall(ToolContext.from(
                io.modelcontextprotocol.common.McpTransportContext.EMPTY))).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("DEMO_TOKEN");
        assertThat(clients.cachedCallers()).isZero();
    }
}
