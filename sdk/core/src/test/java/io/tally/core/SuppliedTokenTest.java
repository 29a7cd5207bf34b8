package io.tally.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.TimeWindow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bearer token read from a supplier for every request: rotation without a new client, checked, never shown. */
class SuppliedTokenTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    @Test
    void eachRequestSendsTheTokenTheSupplierGivesNow() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
        AtomicReference<String> current = new AtomicReference<>("first-token");
        ClientContext context = harness.context(wm.baseUrl())
                .withCredentials(Credentials.bearer("apiToken", current::get));

        TestRequest.text(context, "GET", "/one").execute();
        current.set("rotated-token");
        TestRequest.text(context, "GET", "/two").execute();

        wm.verify(getRequestedFor(urlEqualTo("/one")).withHeader("Authorization", equalTo("Bearer first-token")));
        wm.verify(getRequestedFor(urlEqualTo("/two")).withHeader("Authorization", equalTo("Bearer rotated-token")));
    }

    @Test
    void anInvalidSuppliedTokenFailsBeforeSendingNamingTheField() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
        ClientContext context = harness.context(wm.baseUrl())
                .withCredentials(Credentials.bearer("apiToken", () -> " padded-secret "));

        assertThatThrownBy(() -> TestRequest.text(context, "GET", "/x").execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiToken has leading or trailing whitespace")
                .hasMessageNotContaining("padded-secret");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void resolveReadsTheSupplierOnceAndToStringNeverDoes() {
        AtomicInteger reads = new AtomicInteger();
        Credentials supplied = Credentials.bearer("apiToken", () -> "secret-" + reads.incrementAndGet());

        assertThat(supplied.toString()).doesNotContain("secret").contains("bearer Authorization=");
        assertThat(reads).hasValue(0);
        Credentials resolved = supplied.resolve();
        assertThat(resolved.secretValues()).containsExactly("secret-1");
        assertThat(resolved.secretValues()).containsExactly("secret-1");
        assertThat(reads).hasValue(1);
        Credentials fixed = Credentials.bearer("fixed");
        assertThat(fixed.resolve()).isSameAs(fixed);
    }

    @Test
    void aWindowHeldInABodyIsCheckedByTheSameRules() {
        TimeWindow days = TimeWindow.days("dateFrom", "dateTo").bothOrNeither();
        days.check("2026-03-01", "2026-03-01", "POST /api/reports");
        assertThatThrownBy(() -> days.check("2026-03-15", "2026-03-01", "POST /api/reports"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dateTo (2026-03-01) must not be before dateFrom (2026-03-15)");
        assertThatThrownBy(() -> days.check("2026-03-15", null, "POST /api/reports"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dateFrom and dateTo go together");
    }
}
