package io.tally.core;

import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ResponseReader;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.InterruptedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request made on an interrupted thread gives up at once: one attempt, no retry wait, a
 * {@link TallyException} (never an undeclared checked {@code InterruptedException}), and the
 * thread's interrupt flag still set.
 */
class InterruptTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    @AfterEach
    void clearInterruptAndClose() {
        Thread.interrupted();
        harness.close();
    }

    private Throwable runInterrupted(ClientContext context, String method) {
        Thread.currentThread().interrupt();
        return catchThrowable(() -> TestRequest.text(context, method, "/slow").execute());
    }

    private void assertGaveUpAtOnce(Throwable thrown) {
        boolean stillInterrupted = Thread.interrupted();
        assertThat(thrown).isExactlyInstanceOf(TallyException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted).as("interrupt flag restored").isTrue();
        assertThat(harness.attempts).as("attempts").hasValue(1);
        assertThat(harness.sleeper.waits()).as("no retry wait").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void interruptedWhileConnecting(String method) {
        wm.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody("ok")));

        assertGaveUpAtOnce(runInterrupted(harness.context(wm.baseUrl()), method));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void interruptedOnAPooledConnection(String method) {
        wm.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody("ok")));
        ClientContext context = harness.context(wm.baseUrl());
        assertThat(TestRequest.text(context, "GET", "/slow").execute()).isEqualTo("ok");
        harness.attempts.set(0);

        assertGaveUpAtOnce(runInterrupted(context, method));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void interruptedWhileReadingTheBody(String method) {
        wm.stubFor(any(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withBody("ok")));
        ResponseReader<String> interruptedRead = response -> {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        };

        Throwable thrown = catchThrowable(
                () -> new TestRequest<>(harness.context(wm.baseUrl()), method, "/slow", interruptedRead).execute());

        assertGaveUpAtOnce(thrown);
        assertThat(harness.noConnectionInUse()).isTrue();
    }
}
