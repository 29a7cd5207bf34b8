package io.tally.testkit.conformance;

/**
 * A provider's client as the conformance suite drives it: one representative read and one representative write,
 * each returning normally on success and throwing the failure otherwise.
 *
 * <p>A client that reports failures instead of throwing them (a background ingestion client) throws an exception
 * whose cause chain holds the {@link io.tally.core.ApiException} (or connection failure) it reported, and whose
 * message is what it reported. {@code toString()} must be the SDK client's own (the suite checks it hides the
 * credential).
 */
public interface ClientUnderTest extends AutoCloseable {
    /**
     * Makes the provider's representative read call (a GET the fake answers with success).
     *
     * @throws Exception the failure, as the client surfaces it
     * @throws UnsupportedOperationException when the provider has no read call (say so in
     *     {@link AbstractProviderConformanceTest#supportsGet()})
     */
    void get() throws Exception;

    /**
     * Makes the provider's representative write call (a POST the fake answers with success), without an
     * idempotency key.
     *
     * @throws Exception the failure, as the client surfaces it
     */
    void post() throws Exception;

    /**
     * The same write with {@code Idempotency-Key: key}.
     *
     * @throws Exception the failure, as the client surfaces it
     * @throws UnsupportedOperationException when the provider has no idempotency keys (the default; say so in
     *     {@link AbstractProviderConformanceTest#supportsIdempotencyKeys()})
     */
    default void postWithIdempotencyKey(String key) throws Exception {
        throw new UnsupportedOperationException("this provider has no idempotency keys");
    }

    /** Releases the client; by default nothing to release. */
    @Override
    default void close() throws Exception {}
}
