package io.tally.alephant;

import io.tally.core.spi.ErrorDecoder;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ErrorResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alephant's error bodies: {@code {code, message, data}}, and the PAT scope a 403 names
 * ({@code Insufficient permissions. Required scope: admin}, design doc) as the missing scope.
 */
final class AlephantErrorDecoder implements ErrorDecoder {
    private static final Pattern REQUIRED_SCOPE = Pattern.compile("[Rr]equired scope:?\\s*([A-Za-z_:-]+)");
    private final ErrorDecoder base = ErrorDecoder.codeMessageData();

    @Override
    public ErrorDetails decode(ErrorResponse response) {
        ErrorDetails details = base.decode(response);
        if (details == null || details.message() == null) {
            return details;
        }
        Matcher m = REQUIRED_SCOPE.matcher(details.message());
        return m.find() ? details.toBuilder().missingScope(m.group(1)).build() : details;
    }
}
