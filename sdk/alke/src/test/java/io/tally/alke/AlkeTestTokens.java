package io.tally.alke;

import io.tally.testkit.alke.AlkeDemo;
import java.time.Instant;

/** JWT-shaped test tokens with chosen expiry. */
final class AlkeTestTokens {
    private AlkeTestTokens() {}

    static String expiringAt(String subject, Instant exp) {
        return AlkeDemo.jwt(subject, exp);
    }
}
