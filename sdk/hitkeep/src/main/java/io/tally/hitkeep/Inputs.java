package io.tally.hitkeep;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Checks on method arguments, with messages that name the argument and never quote a secret. */
final class Inputs {
    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Inputs() {}

    /** An id path value: not null or blank. */
    static String id(String field, String value) {
        return text(field, value);
    }

    /** A required text value, trimmed. */
    static String text(String field, String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(field + " must not be null or blank");
        }
        return value.trim();
    }

    /** A UUID such as a goal or funnel id, which HitKeep rejects with 400 otherwise. */
    static String uuid(String field, String value) {
        String v = text(field, value);
        if (!UUID.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    field + " must be a UUID such as 2f6a1c3e-8b7d-4e21-9c55-0d1e2f3a4b5c, got '" + v + "'");
        }
        return v;
    }

    static String email(String email) {
        String v = text("email", email);
        if (v.indexOf('@') <= 0) {
            throw new IllegalArgumentException(
                    "email must be an e-mail address such as ada@example.com, got '" + v + "'");
        }
        return v;
    }

    /** A new password: at least 8 characters. Never quoted. */
    static String password(String field, String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException(field + " must have at least 8 characters");
        }
        return password;
    }

    /** Checks that {@code to} is after {@code from} when both query values are set. */
    static void window(String fromName, List<String> from, String toName, List<String> to) {
        if (!from.isEmpty() && !to.isEmpty() && !Instant.parse(to.get(0)).isAfter(Instant.parse(from.get(0)))) {
            throw new IllegalArgumentException(
                    toName + " (" + to.get(0) + ") must be after " + fromName + " (" + from.get(0) + ")");
        }
    }
}
