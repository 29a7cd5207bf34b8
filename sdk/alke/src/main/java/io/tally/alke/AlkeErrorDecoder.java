package io.tally.alke;

import io.tally.core.spi.ErrorDecoder;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ErrorResponse;
import org.jspecify.annotations.Nullable;

/**
 * Reads Alke's error bodies, whose format is not documented: the common shapes ({@code message}, {@code error},
 * a plain-text line) through {@link ErrorDecoder#standard()}, and a hint for 401 and 403 written from what is
 * known about Alke's tokens (one year, one active token per account, property-level permissions).
 */
final class AlkeErrorDecoder implements ErrorDecoder {
    private static final ErrorDecoder STANDARD = ErrorDecoder.standard();

    private final @Nullable TokenSource tokens;

    AlkeErrorDecoder(@Nullable TokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public ErrorDetails decode(ErrorResponse response) {
        ErrorDetails details = STANDARD.decode(response);
        if (details == null) {
            details = ErrorDetails.none();
        }
        if (response.statusCode() == 401) {
            return details.toBuilder().hint(unauthorizedHint()).build();
        }
        if (response.statusCode() == 403) {
            return details.toBuilder().hint("The token is valid but may not read this property: an organisation "
                    + "owner grants property-level permissions on Alke's Users page; a service-account token only "
                    + "sees its own organisation's properties").build();
        }
        return details;
    }

    private String unauthorizedHint() {
        AlkeToken token = tokens == null ? null : tokens.peek();
        if (token != null && tokens != null && token.isExpiredAt(tokens.clock().instant())) {
            return "The token expired at " + token.expiresAt().get() + " (its exp claim; Alke tokens last one year): "
                    + token.kind().howToRegenerate() + ", then give the client the new token (Alke.withToken, or a "
                    + "token supplier, which needs no new client)";
        }
        return "Alke refused the token: it is mistyped, was regenerated (each account has one active token, and "
                + "regenerating invalidates the old one) or has expired; copy the current token from Alke";
    }
}
