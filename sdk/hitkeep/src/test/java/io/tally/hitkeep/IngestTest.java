package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.NotFoundException;
import io.tally.core.RateLimit;
import io.tally.hitkeep.internal.IpLiterals;
import io.tally.hitkeep.model.AiFetch;
import io.tally.hitkeep.model.IngestRecord;
import io.tally.hitkeep.model.ServerEvent;
import io.tally.hitkeep.model.ServerPageview;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server-side ingest: HitKeep's field rules before sending, the token-only rule, and paced batches that report every failure. */
class IngestTest {
    static final Instant NOW = Instant.parse("2026-06-25T10:15:02Z");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part1Clients clients = new Part1Clients();

    @BeforeEach
    void reset() {
        wm.resetAll();
        wm.stubFor(post(urlEqualTo("/api/ingest/server/pageview")).willReturn(aResponse().withStatus(202)));
        wm.stubFor(post(urlEqualTo("/api/ingest/server/event")).willReturn(aResponse().withStatus(202)));
    }

    static ServerPageview.Builder pageview() {
        return ServerPageview.builder().url("https://shop.example.com/cart").timestamp(NOW).visitorIp("203.0.113.7")
                .userAgent("Mozilla/5.0");
    }

    static ServerEvent.Builder event() {
        return ServerEvent.builder("signup").url("https://shop.example.com/welcome").timestamp(NOW)
                .visitorIp("2001:db8::1")
                .userAgent("Mozilla/5.0");
    }

    @Test
    void aPageviewIsCheckedWithHitKeepsRulesBeforeAnythingIsSent() {
        assertThatThrownBy(() -> pageview().url("/cart").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("url must be an absolute http or https URL");
        assertThatThrownBy(() -> pageview().url("ftp://shop.example.com/cart").build())
                .hasMessageStartingWith("url must be");
        assertThatThrownBy(() -> pageview().url("https:shop.example.com").build())
                .hasMessageStartingWith("url must be");
        assertThatThrownBy(() -> pageview().timestamp(null).build())
                .hasMessageStartingWith("timestamp must not be null");
        assertThatThrownBy(() -> pageview().visitorIp("localhost").build())
                .hasMessageStartingWith("visitorIp must be an IPv4 or IPv6 address");
        assertThatThrownBy(() -> pageview().visitorIp(null).build()).hasMessageStartingWith("visitorIp must be");
        assertThatThrownBy(() -> pageview().userAgent("  ").build())
                .hasMessageStartingWith("userAgent must not be null or blank");
        assertThatThrownBy(() -> pageview().sessionId("session-1").build())
                .hasMessageStartingWith("sessionId must be a UUID");
        assertThatThrownBy(() -> pageview().viewport(-1, 10).build())
                .hasMessageStartingWith("viewportWidth must not be negative");
    }

    @Test
    void pageviewAndEventBuildersCarryTheSharedFieldsAlike() {
        String session = "2f6a1c3e-8b7d-4e21-9c55-0d1e2f3a4b5c";
        ServerPageview view = pageview().referrer("https://news.example/").dnt(true).sessionId(session).build();
        ServerEvent signup = event().url("https://shop.example.com/cart").visitorIp("203.0.113.7")
                .referrer("https://news.example/").dnt(true).sessionId(session).build();

        assertThat(view.url()).isEqualTo("https://shop.example.com/cart").isEqualTo(signup.url());
        assertThat(view.timestamp()).isEqualTo(NOW).isEqualTo(signup.timestamp());
        assertThat(view.visitorIp()).isEqualTo("203.0.113.7").isEqualTo(signup.visitorIp());
        assertThat(view.userAgent()).isEqualTo("Mozilla/5.0").isEqualTo(signup.userAgent());
        assertThat(view.referrer()).isEqualTo("https://news.example/").isEqualTo(signup.referrer());
        assertThat(view.dnt()).isTrue();
        assertThat(signup.dnt()).isTrue();
        assertThat(view.sessionId()).isEqualTo(session).isEqualTo(signup.sessionId());
        assertThat(pageview().build().dnt()).as("unset: not sent").isNull();
        assertThat(event().build().referrer()).isNull();
        assertThatThrownBy(() -> event().sessionId("session-1").build())
                .hasMessageStartingWith("sessionId must be a UUID");
        assertThatThrownBy(() -> event().url("/welcome").build())
                .hasMessageStartingWith("url must be an absolute http or https URL");
        assertThatThrownBy(() -> event().userAgent(null).build())
                .hasMessageStartingWith("userAgent must not be null or blank");
    }

    @Test
    void anEventNeedsANameAndAnAiFetchAStatusBetween100And599() {
        assertThatThrownBy(() -> ServerEvent.builder(" ").url("https://a.example").timestamp(NOW).visitorIp("10.0.0.1")
                .userAgent("x").build()).hasMessage("name must not be null or blank");
        assertThatThrownBy(() -> AiFetch.builder("/docs", 99, "GPTBot").build())
                .hasMessage("statusCode must be between 100 and 599, got 99");
        assertThatThrownBy(() -> AiFetch.builder("/docs", 600, "GPTBot").build()).hasMessageContaining("got 600");
        assertThatThrownBy(() -> AiFetch.builder("", 200, "GPTBot").build())
                .hasMessage("path must not be null or blank");
        assertThatThrownBy(() -> AiFetch.builder("/docs", 200, "").build())
                .hasMessageStartingWith("userAgent must not be null or blank");
        assertThat(AiFetch.builder("/docs", 404, "GPTBot").build().statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "0.0.0.0", "255.255.255.255", "::", "::1", "2001:db8::7",
            "2001:DB8:0:0:8:800:200C:417A",
            "fe80::1:2:3:4:5:6", "1:2:3:4:5:6:7::", "::ffff:203.0.113.7", "64:ff9b::192.0.2.33"})
    void ipLiteralsHitKeepAccepts(String ip) {
        assertThat(IpLiterals.isIpAddress(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "shop.example.com", "203.0.113", "203.0.113.7.1", "256.1.1.1", "01.2.3.4",
            "1.2.3.4/24",
            "2001:db8::7%eth0", "[2001:db8::7]", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
            "::ffff:1.2.3",
            "1.2.3.4::", "2001:db8::g", "\u0663.1.1.1", " 203.0.113.7"})
    void ipLiteralsHitKeepRefuses(String ip) {
        assertThat(IpLiterals.isIpAddress(ip)).isFalse();
    }

    @Test
    void aPageviewIsPostedWithTheTokenOnlyAndWithoutOrigin() {
        clients.token(wm.baseUrl()).ingest().pageview(pageview().dnt(true).build()).execute();

        var sent = wm.findAll(postRequestedFor(urlEqualTo("/api/ingest/server/pageview"))).get(0);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + Part1Clients.TOKEN);
        assertThat(sent.containsHeader("Origin")).isFalse();
        assertThat(sent.getBodyAsString()).contains("\"dnt\":true").contains("\"timestamp\":\"2026-06-25T10:15:02Z\"");
    }

    @Test
    void ingestRefusesASessionOnlyClientAndAnOversizedBodyBeforeSending() {
        HitKeep sessionOnly = clients.anonymous(wm.baseUrl()).withSession(HitKeepSession.of("jwt.value.sig", null));

        assertThatThrownBy(() -> sessionOnly.ingest().pageview(pageview().build()).execute())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("API-client token");
        String big = new String(new char[70_000]).replace('\0', 'x');
        assertThatThrownBy(() -> clients.token(wm.baseUrl()).ingest().event(event().property("blob", big).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 KiB");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aBatchSendsEveryRecordPacedUnderTheIngestLimitWithoutSleepingForReal() {
        List<IngestRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(i % 2 == 0 ? pageview().url("https://shop.example.com/p/" + i).build() : event().build());
        }

        IngestBatchResult result = clients.token(wm.baseUrl()).ingest().batch().send(records);

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.succeeded()).isEqualTo(100);
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/api/ingest/server/pageview")))).hasSize(50);
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/api/ingest/server/event")))).hasSize(50);
        assertThat(clients.sleeper.waits()).as("a burst of 40, then one request every 50 ms (20 a second)")
                .hasSize(60).containsOnly(Duration.ofMillis(50));
        assertThat(clients.sleeper.total()).isEqualTo(Duration.ofMillis(3000));
    }

    @Test
    void aBatchReportsEachFailureWithItsIndexAndKeepsGoing() {
        wm.stubFor(post(urlEqualTo("/api/ingest/server/pageview")).withRequestBody(containing("unknown.example"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/plain")
                        .withBody("Site not found\n")));
        List<IngestRecord> records = new ArrayList<>();
        records.add(pageview().build());
        records.add(pageview().url("https://unknown.example/").build());
        records.add(event().build());
        records.add(pageview().url("https://unknown.example/b").build());

        IngestBatchResult result = clients.token(wm.baseUrl()).ingest().batch().rateLimit(RateLimit.of(5, 1))
                .send(records);

        assertThat(result.total()).isEqualTo(4);
        assertThat(result.succeeded()).isEqualTo(2);
        assertThat(result.failures()).extracting(IngestFailure::index).containsExactly(1, 3);
        assertThat(result.failures()).allSatisfy(f -> {
            assertThat(f.error()).isInstanceOf(NotFoundException.class).hasMessageContaining("Site not found");
            assertThat(f.record().url()).contains("unknown.example");
        });
        assertThat(result.notSent()).isEmpty();
        assertThat(clients.sleeper.waits()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofMillis(200));
    }

    @Test
    void stopOnFailureReportsTheRestAsNotSent() {
        wm.stubFor(post(urlEqualTo("/api/ingest/server/pageview"))
                .willReturn(aResponse().withStatus(401).withBody("Unauthorized\n")));
        List<IngestRecord> records = new ArrayList<>(Collections.nCopies(3, pageview().build()));

        IngestBatchResult result = clients.token(wm.baseUrl()).ingest().batch().stopOnFailure(true).send(records);

        assertThat(result.succeeded()).isZero();
        assertThat(result.failures()).hasSize(1);
        assertThat(result.notSent()).hasSize(2);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(result.toString()).isEqualTo("IngestBatchResult[0/3 accepted, 1 failed, 2 not sent]");
    }
}
