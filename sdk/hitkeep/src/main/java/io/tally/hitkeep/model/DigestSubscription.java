package io.tally.hitkeep.model;

/**
 * Which e-mail digests to receive.
 *
 * @param daily a daily digest
 * @param weekly a weekly digest
 * @param monthly a monthly digest
 */
public record DigestSubscription(
        boolean daily,
        boolean weekly,
        boolean monthly) {

    /** No digests at all. */
    public static DigestSubscription none() {
        return new DigestSubscription(false, false, false);
    }
}
