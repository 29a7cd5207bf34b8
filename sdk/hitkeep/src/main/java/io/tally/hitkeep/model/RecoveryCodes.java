package io.tally.hitkeep.model;

import java.util.List;

/**
 * Freshly generated recovery codes; the previous ones stop working. Shown only once. {@link #toString()}
 * never shows the codes.
 *
 * @param codes the codes, each usable once
 * @param remaining how many are unused
 */
public record RecoveryCodes(
        List<String> codes,
        int remaining) {
    /** Copies {@code codes} into an unmodifiable list; {@code null} becomes empty. */
    public RecoveryCodes {
        codes = Immutable.list(codes);
    }

    /** Shows every field except secrets, which are redacted. */
    @Override
    public String toString() {
        return "RecoveryCodes[" + "codes=██" + ", " + "remaining=" + remaining + "]";
    }
}
