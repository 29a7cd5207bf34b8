package io.tally.hitkeep.model;

import java.util.Locale;

/** Checks for the open string-backed values of this package. */
final class OpenValue {
    private OpenValue() {}

    static String require(String value, String what, String known) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or blank (" + known + ")");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
