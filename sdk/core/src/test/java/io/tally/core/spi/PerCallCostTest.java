package io.tally.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.ClientOptions;
import io.tally.core.Credentials;
import io.tally.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts taken on every send give what the long way gives. */
class PerCallCostTest {
    private static ClientContext context(Credentials credentials) {
        return ClientContext.create(ProviderInfo.builder("Test").build(),
                ClientOptions.builder().baseUrl("http://127.0.0.1:1/").credentials(credentials).build());
    }

    private static ResponseHandle bare(String body) {
        return handle(body, ResponseEnvelope.BARE);
    }

    /** Unwraps nothing but is not {@link ResponseEnvelope#BARE}, so the body takes the tree path. */
    private static ResponseHandle tree(String body) {
        return handle(body, (root, status) -> root);
    }

    private static ResponseHandle handle(String body, ResponseEnvelope envelope) {
        return new ResponseHandle(200, HttpHeaders.empty(), null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new ObjectMapper(), envelope, null);
    }

    @Test
    void windowBoundsParseAsInstantParseReadsThem() {
        Random random = new Random(7);
        String[] fixed = {
                "2026-01-31T00:00:00Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
                "2026-01-01T23:59:60Z", "2026-01-01T00:00:00.5Z", "2026-01-01T00:00:00+01:00", "2026-01-0xT00:00:00Z",
                "0000-01-01T00:00:00Z", "2026-1-01T00:00:00Z", "2026-01-01 00:00:00Z", "",
        };
        for (String text : fixed) {
            assertSameAsInstantParse(text);
        }
        for (int i = 0; i < 5000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * 2L);
            assertSameAsInstantParse(instant.toString());
            char[] mangled = instant.toString().toCharArray();
            mangled[random.nextInt(mangled.length)] = "0123456789-:TZ+x".charAt(random.nextInt(16));
            assertSameAsInstantParse(new String(mangled));
        }
    }

    @Test
    void instantsInTheQueryReadAsIsoInstantWritesThem() {
        Random random = new Random(11);
        List<Instant> instants = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-01-31T00:00:00Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("2026-01-31T00:00:00.120Z"), Instant.parse("2024-02-29T12:34:56.000000001Z")));
        for (int i = 0; i < 5000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            instants.add(Instant.ofEpochSecond(seconds, i % 3 == 0 ? random.nextInt(1_000_000_000) : 0));
        }
        for (Instant instant : instants) {
            assertThat(ApiRequest.formatQueryValue(instant)).as(instant.toString())
                    .isEqualTo(java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    private static void assertSameAsInstantParse(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> TimeWindow.parseInstant(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(TimeWindow.parseInstant(text)).as(text).isEqualTo(expected);
    }

    @Test
    void aFixedRouteIsItsOwnPathAndOnlySecretPlaceholdersChangeTheDisplayedPath() {
        assertThat(PathTemplate.expand("/api/sites", new Object[0])).isEqualTo("/api/sites");
        assertThat(PathTemplate.display("/api/sites", null)).isEqualTo("/api/sites");
        assertThatThrownBy(() -> PathTemplate.expand("/api/sites", new Object[] {"x"}))
                .hasMessageContaining("takes 0 values, got 1");

        assertThat(PathTemplate.hidesValues("/api/sites")).isFalse();
        assertThat(PathTemplate.hidesValues("/api/sites/{id}/stats")).isFalse();
        assertThat(PathTemplate.hidesValues("/api/share/{shareToken}/sites")).isTrue();
        assertThat(PathTemplate.hidesValues("/api/keys/{id}/{apiKey}")).isTrue();
        // where nothing is hidden the displayed path is the expanded one, so the request uses that
        Object[] values = {"site 1/ä"};
        assertThat(PathTemplate.display("/api/sites/{id}/stats", values))
                .isEqualTo(PathTemplate.expand("/api/sites/{id}/stats", values));
        assertThat(PathTemplate.display("/api/share/{shareToken}", new Object[] {"abc"}))
                .isEqualTo("/api/share/" + HttpHeaders.REDACTED);
    }

    @Test
    void aRouteRuleThatDropsNothingKeepsTheClientsCredentialsObject() {
        Credentials token = Credentials.bearer("token-123456");
        Credentials both = token.and(Credentials.sessionCookie("hk_token", "session-123456"));
        RouteCredentials tokenOrSession = RouteCredentials.anyOf("a token or a session", "log in",
                Credentials.Kind.BEARER, Credentials.Kind.SESSION_COOKIE);
        RouteCredentials tokenOnly = RouteCredentials.anyOf("a token", "use a token", Credentials.Kind.BEARER);

        assertThat(tokenOrSession.select(null, token)).isSameAs(token);
        assertThat(tokenOrSession.select(null, both)).isSameAs(both);
        Credentials dropped = tokenOnly.select(null, both);
        assertThat(dropped.has(Credentials.Kind.BEARER)).isTrue();
        assertThat(dropped.has(Credentials.Kind.SESSION_COOKIE)).isFalse();
    }

    @Test
    void readersAreMadeOncePerTypeAndSharedWithViews() {
        ClientContext context = context(Credentials.bearer("token-123456"));
        ClientContext view = context.withCredentials(Credentials.bearer("other-123456"));

        assertThat(context.json(String.class)).isSameAs(context.json(String.class)).isSameAs(view.json(String.class));
        assertThat(context.listOf(String.class)).isSameAs(view.listOf(String.class))
                .isNotSameAs(context.json(String.class));
        assertThat(context.json(Integer.class)).isNotSameAs(context.json(String.class));
    }

    @Test
    void cachedReadersStillDecodeRequireAndUnwrap() throws Exception {
        ClientContext context = context(Credentials.none());
        assertThat(context.listOf(Integer.class).read(bare("[1,2,3]"))).containsExactly(1, 2, 3);
        assertThat(context.listOf(Integer.class).read(bare(""))).isEmpty();
        assertThat(context.listOf(Integer.class).read(tree("[4]"))).containsExactly(4);
        assertThat(context.json(Integer.class).read(tree("5"))).isEqualTo(5);
        assertThatThrownBy(() -> context.json(Integer.class).read(bare(" ")))
                .isInstanceOf(ResponseHandle.EmptyBodyException.class).hasMessageContaining("Integer");
        assertThatThrownBy(() -> context.json(Integer.class).read(tree("")))
                .isInstanceOf(ResponseHandle.EmptyBodyException.class);
        List<Integer> list = context.listOf(Integer.class).read(bare("[1]"));
        assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
