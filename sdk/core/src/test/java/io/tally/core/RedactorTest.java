package io.tally.core;

import io.tally.core.internal.Redactor;
import io.tally.core.spi.ErrorDetails;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** The redactor replaces secret header values and scrubs quoted secrets out of text. */
class RedactorTest {
    private static Redactor redactor(Credentials credentials) {
        ClientOptions options = ClientOptions.builder()
                .secretHeader("X-Signing-Key")
                .defaultHeader("X-Signing-Key", "signing-value-123")
                .defaultHeader("X-Plain", "plain-value-123")
                .build();
        return Redactor.forRequest(options, credentials, Map.of("X-Route-Secret", "route-value"),
                Map.of("X-Signing-Key", "per-request-signing"));
    }

    @Test
    void scrubsEverySecretValueButNotPlainHeaders() {
        Redactor r = redactor(
                Credentials.bearer("bearer-value-123").and(Credentials.sessionCookie("sid", "cookie-value")));

        assertThat(r
                .scrub("a bearer-value-123 b signing-value-123 c per-request-signing d cookie-value e plain-value-123"))
                .isEqualTo("a ██ b ██ c ██ d ██ e plain-value-123");
        assertThat(r.scrub((String) null)).isNull();
        assertThat(r.scrub("")).isEmpty();
    }

    @Test
    void shortValuesAreNotSearchedFor() {
        Redactor r = redactor(Credentials.bearer("abc"));

        assertThat(r.scrub("abc is too short to scrub safely")).isEqualTo("abc is too short to scrub safely");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsReplacedWhole() {
        Redactor r = redactor(Credentials.bearer("secret-1").withSecretHeader("X-Other", "secret-1-extended"));

        assertThat(r.scrub("[secret-1-extended]")).isEqualTo("[██]");
    }

    @Test
    void headersAreRedactedByNameAndScrubbedByValue() {
        Redactor r = redactor(Credentials.apiKey("X-Project-Key", "project-key-999"));

        HttpHeaders h = r.headers(Headers.of("X-Project-Key", "anything", "X-Echo", "you sent project-key-999",
                "Set-Cookie", "a=b", "X-Signing-Key", "x", "Content-Type", "text/plain"));

        assertThat(h.first("x-project-key")).contains(HttpHeaders.REDACTED);
        assertThat(h.first("x-echo")).contains("you sent ██");
        assertThat(h.first("set-cookie")).contains(HttpHeaders.REDACTED);
        assertThat(h.first("x-signing-key")).contains(HttpHeaders.REDACTED);
        assertThat(h.first("content-type")).contains("text/plain");
    }

    @Test
    void errorDetailsAreScrubbedFieldByField() {
        Redactor r = redactor(Credentials.bearer("bearer-value-123"));

        ErrorDetails d = r.scrubDetails(ErrorDetails.builder().message("token bearer-value-123 expired")
                .errorCode("bad_token").hint("rotate bearer-value-123").missingScope("read").build());

        assertThat(d.message()).isEqualTo("token ██ expired");
        assertThat(d.hint()).isEqualTo("rotate ██");
        assertThat(d.errorCode()).isEqualTo("bad_token");
        assertThat(d.missingScope()).isEqualTo("read");
    }

    @Test
    void urlEncodedCopiesAreScrubbedInEitherEscapeCase() {
        Redactor r = redactor(Credentials.bearer("key/with+odd=chars"));

        assertThat(r.scrub("q=key%2Fwith%2Bodd%3Dchars&x=1")).isEqualTo("q=██&x=1");
        assertThat(r.scrub("path/key%2fwith%2bodd%3dchars/end")).isEqualTo("path/██/end");
    }

    @Test
    void aCutShortCopyOfAtLeastEightLeadingCharactersIsScrubbed() {
        Redactor r = redactor(Credentials.bearer("tk_live_0123456789abcdef"));

        assertThat(Redactor.MIN_SCRUBBED_PREFIX_LENGTH).isEqualTo(8);
        assertThat(r.scrub("Unrecognized token 'tk_live_0123...': was expecting"))
                .isEqualTo("Unrecognized token '██...': was expecting");
        assertThat(r.scrub("body cut at tk_live_")).isEqualTo("body cut at ██");
        // seven leading characters are not enough to scrub
        assertThat(r.scrub("prefix tk_live but no more")).isEqualTo("prefix tk_live but no more");
    }
}
