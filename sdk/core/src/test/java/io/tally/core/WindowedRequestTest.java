package io.tally.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ResponseReader;
import io.tally.core.spi.TimeWindow;
import io.tally.core.spi.WindowedRequest;
import io.tally.core.time.DateRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One time-window base for every windowed request: setters, both-or-neither, order and span checks. */
class WindowedRequestTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** A windowed request as a provider declares one: the interface and, optionally, its rules. */
    static final class Usage extends ApiRequest<String, Usage> implements WindowedRequest<Usage> {
        Usage(ClientContext context, TimeWindow rules) {
            super(context, "GET", "/usage", new Object[0], ResponseReader.text());
            timeWindow(rules);
        }
    }

    private final Harness harness = new Harness();

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private Usage usage(TimeWindow rules) {
        return new Usage(harness.context(wm.baseUrl()), rules);
    }

    @Test
    void instantsAreSentAsRfc3339() {
        wm.stubFor(any(urlPathEqualTo("/usage")).willReturn(aResponse().withBody("ok")));

        usage(TimeWindow.instants()).range(DateRange.between(T0, T0.plus(Duration.ofDays(7)))).execute();

        wm.verify(anyRequestedFor(urlPathEqualTo("/usage")).withQueryParam("from", equalTo("2026-03-01T00:00:00Z"))
                .withQueryParam("to", equalTo("2026-03-08T00:00:00Z")));
    }

    @Test
    void daysAreSentAsInclusiveCalendarDaysUnderTheRoutesNames() {
        wm.stubFor(any(urlPathEqualTo("/usage")).willReturn(aResponse().withBody("ok")));

        usage(TimeWindow.days("dateFrom", "dateTo"))
                .range(DateRange.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 7),
                        ZoneOffset.UTC))
                .execute();
        usage(TimeWindow.days("dateFrom", "dateTo")).from(T0).to(T0.plus(Duration.ofDays(1))).execute();

        wm.verify(anyRequestedFor(urlPathEqualTo("/usage")).withQueryParam("dateFrom", equalTo("2026-03-01"))
                .withQueryParam("dateTo", equalTo("2026-03-07")));
        wm.verify(anyRequestedFor(urlPathEqualTo("/usage")).withQueryParam("dateFrom", equalTo("2026-03-01"))
                .withQueryParam("dateTo", equalTo("2026-03-01")));
    }

    @Test
    void badWindowsAreRefusedBeforeSendingNamingTheParameters() {
        assertThatThrownBy(() -> usage(TimeWindow.instants()).from(T0).to(T0).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to (2026-03-01T00:00:00Z) must be after from (2026-03-01T00:00:00Z)");
        assertThatThrownBy(() -> usage(TimeWindow.days("dateFrom", "dateTo").bothOrNeither()).from(T0).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dateFrom and dateTo go together").hasMessageContaining("got only dateFrom");
        assertThatThrownBy(() -> usage(TimeWindow.instants().maxSpan(Duration.ofDays(30)))
                .range(DateRange.between(T0, T0.plus(Duration.ofDays(31)))).execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the 30 days GET /usage accepts");
        assertThatThrownBy(() -> usage(TimeWindow.instants()).from(T0).to(T0.minusSeconds(1)).executeAsync())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(harness.attempts.get()).isZero();
    }

    @Test
    void eitherBoundAloneIsFineUnlessBothAreRequiredAndNullRemovesOne() {
        wm.stubFor(any(urlPathEqualTo("/usage")).willReturn(aResponse().withBody("ok")));

        assertThat(usage(TimeWindow.instants()).from(T0).execute()).isEqualTo("ok");
        assertThat(usage(TimeWindow.instants().bothOrNeither()).from(T0).from(null).execute()).isEqualTo("ok");
    }
}
