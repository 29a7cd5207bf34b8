package io.tally.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Credentials are checked when made, with a distinct message per mistake that names the field and never shows the value. */
class CredentialsTest {
    private static final String MARK = "sekrit";

    /** Each way of making credentials, with the field name its messages must carry. */
    static Stream<Arguments> factories() {
        Map<String, Function<String, Credentials>> f = new LinkedHashMap<>();
        f.put("token", Credentials::bearer);
        f.put("apiToken", v -> Credentials.bearer("apiToken", v));
        f.put("apiKey", v -> Credentials.apiKey("X-API-Key", v));
        f.put("projectKey", v -> Credentials.apiKey("projectKey", "X-Project-Key", v));
        f.put("hk_token cookie", v -> Credentials.sessionCookie("hk_token", v));
        f.put("X-Workspace-Id", v -> Credentials.none().withHeader("X-Workspace-Id", v));
        f.put("X-Signing-Secret", v -> Credentials.none().withSecretHeader("X-Signing-Secret", v));
        List<Arguments> all = new ArrayList<>();
        f.forEach((field, factory) -> all.add(Arguments.of(field, factory)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void eachMistakeHasItsOwnMessageNamingTheField(String field, Function<String, Credentials> factory) {
        String[] mistakes = {null, "", "   ", " sekrit-value ", "sekrit-val\u0001ue", "sekrit\tvalue", "sekrit-ключ"};
        List<String> messages = new ArrayList<>();
        for (String bad : mistakes) {
            IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class, () -> factory.apply(bad));
            assertThat(e).as("value %s", bad == null ? "null" : "'" + bad + "'").isNotNull();
            assertThat(e.getMessage()).startsWith(field + " ").doesNotContain(MARK);
            messages.add(e.getMessage());
        }
        // null, empty, whitespace-only and surrounding whitespace are four different mistakes
        assertThat(new HashSet<>(messages.subList(0, 4))).hasSize(4);
        assertThat(messages.get(0)).contains("missing (null)");
        assertThat(messages.get(1)).contains("is empty");
        assertThat(messages.get(2)).contains("only whitespace");
        assertThat(messages.get(3)).contains("leading or trailing whitespace");
        assertThat(messages.get(4)).contains("control character at index 10");
        assertThat(messages.get(6)).contains("index 7");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void aGoodValueIsAccepted(String field, Function<String, Credentials> factory) {
        Credentials c = factory.apply("abc.DEF-123_~+/=");

        assertThat(c.isNone()).isFalse();
        if (field.equals("X-Workspace-Id")) {
            // a plain required header is not a secret and may be shown
            assertThat(c.toString()).contains("abc.DEF-123_~+/=");
        } else {
            assertThat(c.toString()).doesNotContain("abc.DEF").contains(HttpHeaders.REDACTED);
        }
    }

    @Test
    void headerAndCookieNamesAreChecked() {
        assertThatThrownBy(() -> Credentials.apiKey(" ", "key-value"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> Credentials.sessionCookie(null, "cookie-value"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void partsCombineAndReplaceBySameTarget() {
        Credentials c = Credentials.bearer("first-token")
                .and(Credentials.sessionCookie("sid", "cookie-1"))
                .and(Credentials.bearer("second-token"))
                .withHeader("X-Workspace", "ws-1");

        assertThat(c.has(Credentials.Kind.BEARER)).isTrue();
        assertThat(c.has(Credentials.Kind.SESSION_COOKIE)).isTrue();
        assertThat(c.has(Credentials.Kind.API_KEY)).isFalse();
        assertThat(c.secretHeaderNames()).containsExactly("authorization");
        Map<String, String> sent = new LinkedHashMap<>();
        c.applyTo(sent::put);
        assertThat(sent).containsEntry("Authorization", "Bearer second-token")
                .containsEntry("Cookie", "sid=cookie-1")
                .containsEntry("X-Workspace", "ws-1")
                .hasSize(3);

        Credentials cookieOnly = c.without(Credentials.Kind.BEARER);
        assertThat(cookieOnly.has(Credentials.Kind.BEARER)).isFalse();
        assertThat(Credentials.none().isNone()).isTrue();
        assertThat(Credentials.none().toString()).isEqualTo("Credentials[none]");
    }

    @Test
    void twoCookiesShareOneHeader() {
        Map<String, String> sent = new LinkedHashMap<>();
        Credentials.sessionCookie("a", "one111").and(Credentials.sessionCookie("b", "two222")).applyTo(sent::put);

        assertThat(sent).containsExactly(Map.entry("Cookie", "a=one111; b=two222"));
    }
}
