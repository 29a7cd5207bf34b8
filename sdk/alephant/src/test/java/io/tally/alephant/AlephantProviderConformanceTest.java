package io.tally.alephant;

import io.tally.alephant.model.Money;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import io.tally.testkit.conformance.AbstractProviderConformanceTest;
import io.tally.testkit.conformance.ClientSetup;
import io.tally.testkit.conformance.ClientUnderTest;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeServer;

/**
 * The provider conformance suite for Alephant, against {@link FakeAlephant}: the read call is the
 * workspace overview, the write creates a virtual key. Error bodies are {@code {code, message, data}}.
 */
class AlephantProviderConformanceTest extends AbstractProviderConformanceTest {

    @Override
    protected FakeServer startServer(String credential) {
        return FakeAlephant.builder().pat(credential, "read", "write", "admin").start().server();
    }

    @Override
    protected ClientUnderTest newClient(ClientSetup setup) {
        Alephant alephant = Alephant.builder()
                .baseUrl(setup.baseUrl())
                .analyticsBaseUrl(setup.baseUrl())
                .pat(setup.credential())
                .workspaceId(AlephantDemo.WORKSPACE_ID)
                .retryPolicy(setup.retryPolicy())
                .options(o -> o.sleeper(setup.sleeper()))
                .build();
        return new ClientUnderTest() {
            @Override
            public void get() {
                alephant.analytics().overview().execute();
            }

            @Override
            public void post() {
                alephant.virtualKeys().create("conformance", AlephantDemo.MASTER_OPENAI, Money.ofCents(100), 10)
                        .execute();
            }

            @Override
            public void postWithIdempotencyKey(String key) {
                alephant.virtualKeys().create("conformance", AlephantDemo.MASTER_OPENAI, Money.ofCents(100), 10)
                        .idempotencyKey(key).execute();
            }

            @Override
            public String toString() {
                return alephant.toString();
            }
        };
    }

    @Override
    protected ErrorBody errorBody(int status, String code, String message) {
        return ErrorBody.json("{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":null}");
    }
}
