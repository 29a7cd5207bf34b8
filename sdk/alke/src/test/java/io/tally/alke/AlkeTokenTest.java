package io.tally.alke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tally.testkit.alke.AlkeDemo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tokens are checked when set; exp is read without verifying the signature; nothing shows the token. */
class AlkeTokenTest {
    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void expIsReadFromTheClaims() {
        AlkeToken token = AlkeToken.serviceAccount(AlkeDemo.EXPIRED_TOKEN);
        assertThat(token.kind()).isEqualTo(AlkeTokenKind.SERVICE_ACCOUNT);
        assertThat(token.expiresAt()).contains(AlkeDemo.EXPIRED_AT);
        assertThat(token.isExpiredAt(AlkeDemo.EXPIRED_AT)).isTrue();
        assertThat(token.isExpiredAt(AlkeDemo.EXPIRED_AT.minusSeconds(1))).isFalse();
        assertThat(token.toString()).isEqualTo("AlkeToken[service account, expires 2025-01-01T00:00:00Z, value=***]");
    }

    @Test
    void aJwtWithoutExpAndAnOpaqueValueAreAcceptedWithoutExpiry() {
        AlkeToken noExp = AlkeToken.personal(part("{\"alg\":\"none\"}") + "." + part("{\"sub\":\"u1\"}") + ".sig");
        assertThat(noExp.expiresAt()).isEmpty();
        assertThat(noExp.isExpiredAt(Instant.MAX)).isFalse();
        assertThat(AlkeToken.personal("opaque-token-value").expiresAt()).isEmpty();
    }

    @Test
    void malformedTokensAreRefusedNamingTheFieldNeverQuotingTheValue() {
        String header = part("{\"alg\":\"HS256\"}");
        assertThatThrownBy(() -> AlkeToken.serviceAccount("abc.def"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serviceAccountToken is not a JWT: expected three dot-separated parts, found 2; copy the "
                        + "whole token Alke showed");
        assertThatThrownBy(() -> AlkeToken.personal(header + ".bm90LWpzb24.sig"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("personalToken looks like a JWT but its claims part is not base64url-encoded JSON; was the "
                        + "token cut off when copied?");
        assertThatThrownBy(() -> AlkeToken.personal("%%%." + part("{}") + ".sig"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its header part");
        assertThatThrownBy(() -> AlkeToken.personal(header + "." + part("{\"exp\":\"soon\"}") + ".sig"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exp claim that is not a number");
        assertThatThrownBy(() -> AlkeToken.serviceAccount(" " + AlkeDemo.TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("serviceAccountToken has leading or trailing whitespace")
                .hasMessageNotContaining(AlkeDemo.TOKEN);
        assertThatThrownBy(() -> AlkeToken.serviceAccount(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("serviceAccountToken is missing");
    }
}
