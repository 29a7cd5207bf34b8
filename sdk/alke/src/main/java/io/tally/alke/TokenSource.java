package io.tally.alke;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where a client's token comes from, read for every request so that a rotated token needs no new client; warns
 * once per token when its {@code exp} is within {@link #WARN_BEFORE} (or past).
 */
final class TokenSource {
    /** How long before {@code exp} the warning is logged. */
    static final Duration WARN_BEFORE = Duration.ofDays(30);

    private final Supplier<AlkeToken> supplier;
    private final Clock clock;
    private final Consumer<String> warnings;
    /** The last token warned about (by its value), so each token is warned about once. */
    private final AtomicReference<String> warned = new AtomicReference<>();

    TokenSource(Supplier<AlkeToken> supplier, Clock clock, Consumer<String> warnings) {
        this.supplier = Objects.requireNonNull(supplier, "tokenSupplier");
        this.clock = clock;
        this.warnings = warnings;
    }

    /** The token to send now; warns once if it expires soon. */
    AlkeToken current() {
        AlkeToken token = supplier.get();
        if (token == null) {
            throw new IllegalArgumentException("tokenSupplier returned null; it must return the current AlkeToken");
        }
        warnIfExpiring(token);
        return token;
    }

    /** The header value of {@link #current()}. */
    String currentValue() {
        return current().value();
    }

    /** The current token without warning, or {@code null} when the supplier fails; for explaining a 401. */
    @Nullable
    AlkeToken peek() {
        try {
            return supplier.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    Consumer<String> warnings() {
        return warnings;
    }

    Clock clock() {
        return clock;
    }

    private void warnIfExpiring(AlkeToken token) {
        if (!token.expiresAt().isPresent()) {
            return;
        }
        Instant exp = token.expiresAt().get();
        Instant now = clock.instant();
        if (now.plus(WARN_BEFORE).isBefore(exp)) {
            return;
        }
        String previous = warned.get();
        if (token.value().equals(previous) || !warned.compareAndSet(previous, token.value())) {
            return;
        }
        String kind = token.kind() == AlkeTokenKind.SERVICE_ACCOUNT ? "service-account" : "personal";
        String when = exp.isAfter(now)
                ? "expires at " + exp + " (in " + Math.max(1, Duration.between(now, exp).toDays()) + " days)"
                : "expired at " + exp;
        warnings.accept("The Alke " + kind + " token " + when + "; " + token.kind().howToRegenerate()
                + ", then give the client the new token (a token supplier picks it up without a new client).");
    }
}
