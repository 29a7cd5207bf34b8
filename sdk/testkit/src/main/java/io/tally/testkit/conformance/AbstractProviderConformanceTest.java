package io.tally.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tally.core.ApiException;
import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.ConflictException;
import io.tally.core.NotFoundException;
import io.tally.core.PaymentRequiredException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.RetryPolicy;
import io.tally.core.ServerException;
import io.tally.core.TallyException;
import io.tally.core.UnprocessableEntityException;
import io.tally.testkit.ManualClock;
import io.tally.testkit.RecordingSleeper;
import io.tally.testkit.server.ErrorBody;
import io.tally.testkit.server.FakeServer;
import io.tally.testkit.server.Fault;
import io.tally.testkit.server.RecordedExchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The behaviour every Tally provider shares, as one suite each provider's tests extend (the way the MCP Java SDK's
 * {@code AbstractMcpSyncServerTests} is extended per transport): status mapping, retry rules, redaction and the
 * decoding of error envelopes, run against the provider's own fake with {@linkplain Fault faults} injected.
 *
 * <pre>{@code
 * class HitKeepProviderConformanceTest extends AbstractProviderConformanceTest {
 *     protected FakeServer startServer(String credential) {
 *         return FakeHitKeep.builder().token(credential, Grant.allSites(Role.OWNER)).originCheck(false).start().server();
 *     }
 *     protected ClientUnderTest newClient(ClientSetup setup) { … builds HitKeep from setup … }
 *     protected ErrorBody errorBody(int status, String code, String message) { return ErrorBody.text(message + "\n"); }
 *     protected boolean errorBodiesCarryCode() { return false; }
 * }
 * }</pre>
 *
 * <p>The suite depends only on tally-core and JUnit: what is provider-specific comes through the hooks. Every test
 * starts its own fake and client and closes them; none sleeps for real (the client gets a {@link RecordingSleeper})
 * or needs the network beyond loopback.
 */
public abstract class AbstractProviderConformanceTest {
    /**
     * The credential every client is built with. Long and unusual, so that finding it anywhere in a message, a
     * {@code toString()}, a body or headers means it leaked.
     */
    protected static final String CANARY = "tally-canary-7Yq3xWm9Kd2Lp5Rv";

    private static final String CODE = "conformance_code";

    /**
     * Starts the provider's fake, accepting {@code credential} for the calls of {@link #newClient}, and returns the
     * {@link FakeServer} underneath (e.g. {@code FakeHitKeep...start().server()}); the suite closes it.
     */
    protected abstract FakeServer startServer(String credential);

    /** Builds the provider's client as {@code setup} says (base URL, credential, retry policy, sleeper). */
    protected abstract ClientUnderTest newClient(ClientSetup setup);

    /**
     * How the provider writes an error response with this status, machine-readable code and message (e.g.
     * {@code {"error":{"code":…,"message":…}}}, or a plain-text line for a provider without codes).
     */
    protected abstract ErrorBody errorBody(int status, String code, String message);

    /** Whether the provider's error bodies carry a code that {@link ApiException#errorCode()} reads; default yes. */
    protected boolean errorBodiesCarryCode() {
        return true;
    }

    /** Whether the client has a read call ({@link ClientUnderTest#get()}); default yes. */
    protected boolean supportsGet() {
        return true;
    }

    /**
     * Whether the provider deliberately retries its write after a 5xx without an idempotency key (an ingestion
     * client that accepts duplicates over losses); default no, Tally's rule.
     */
    protected boolean retriesPostOnServerError() {
        return false;
    }

    /** Whether writes can carry an idempotency key ({@link ClientUnderTest#postWithIdempotencyKey}); default yes. */
    protected boolean supportsIdempotencyKeys() {
        return true;
    }

    // ---- status mapping and envelope decoding ------------------------------------------------------

    /** Each error status becomes its exception class, with the status, code and message read from the body. */
    @TestFactory
    Stream<DynamicTest> everyErrorStatusMapsToItsExceptionClass() {
        Map<Integer, Class<? extends ApiException>> expected = new LinkedHashMap<>();
        expected.put(400, BadRequestException.class);
        expected.put(401, AuthenticationException.class);
        expected.put(402, PaymentRequiredException.class);
        expected.put(403, PermissionDeniedException.class);
        expected.put(404, NotFoundException.class);
        expected.put(409, ConflictException.class);
        expected.put(422, UnprocessableEntityException.class);
        expected.put(429, RateLimitException.class);
        expected.put(500, ServerException.class);
        expected.put(502, ServerException.class);
        expected.put(503, ServerException.class);
        return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " -> "
                + e.getValue().getSimpleName(), () -> statusMapsTo(e.getKey(), e.getValue())));
    }

    private void statusMapsTo(int status, Class<? extends ApiException> type) throws Exception {
        String message = "Conformance message for " + status;
        try (Harness h = new Harness(RetryPolicy.none())) {
            h.server.failNext(Fault.status(status, errorBody(status, CODE, message)));
            ApiException e = h.apiFailureOf(this::representativeCall);
            assertTrue(type.isInstance(e), () -> status + " should be a " + type.getSimpleName() + ", was " + e);
            assertEquals(status, e.statusCode());
            if (errorBodiesCarryCode()) {
                assertEquals(Optional.of(CODE), e.errorCode(), "errorCode() read from the provider's error body");
            }
            assertTrue(e.serverMessage().map(m -> m.contains(message)).orElse(false),
                    () -> "serverMessage() should carry the body's message, was " + e.serverMessage());
            assertEquals(1, h.server.requestCount(), "sent once: retries are off");
        }
    }

    /** A body that is not the provider's envelope (a proxy's HTML page) still maps by status, without a code. */
    @Test
    void aForeignErrorBodyStillMapsByStatus() throws Exception {
        try (Harness h = new Harness(RetryPolicy.none())) {
            h.server.failNext(Fault.status(502, ErrorBody.of("text/html", "<html><body>Bad gateway</body></html>")));
            ApiException e = h.apiFailureOf(this::representativeCall);
            assertTrue(e instanceof ServerException, () -> "502 should be a ServerException, was " + e);
            assertEquals(502, e.statusCode());
            assertEquals(Optional.empty(), e.errorCode());
        }
    }

    /** A normal answer of the fake decodes through the provider's success envelope. */
    @Test
    void theFakesNormalAnswersDecode() throws Exception {
        try (Harness h = new Harness(RetryPolicy.none())) {
            if (supportsGet()) {
                h.client.get();
            }
            h.client.post();
            for (RecordedExchange r : h.server.requests()) {
                assertTrue(r.status() >= 200 && r.status() < 300, () -> "the fake answered " + r);
            }
            assertEquals(supportsGet() ? 2 : 1, h.server.requestCount());
        }
    }

    // ---- retry rules ----------------------------------------------------------------------------------

    /** 429 is retried for every method, after exactly the {@code Retry-After} the server asked for. */
    @Test
    void rateLimitIsRetriedAfterTheServersRetryAfter() throws Exception {
        try (Harness h = new Harness(retries(2))) {
            h.server.failNext(
                    Fault.status(429, errorBody(429, "rate_limited", "Slow down")).withHeader("Retry-After", "7"));
            h.client.post();
            assertEquals(2, h.server.requestCount());
            assertEquals(List.of(Duration.ofSeconds(7)), h.sleeper.waits());
        }
    }

    /** A GET (or a write the provider retries) that meets a 5xx is retried after the policy's backoff, then succeeds. */
    @Test
    void aServerErrorIsRetriedAfterThePolicysBackoff() throws Exception {
        assumeTrue(supportsGet() || retriesPostOnServerError(), "no call is retried after a 5xx");
        RetryPolicy policy = retries(2);
        try (Harness h = new Harness(policy)) {
            h.server.failNext(Fault.status(503, errorBody(503, "unavailable", "Try later")));
            representativeCall(h.client);
            assertEquals(2, h.server.requestCount());
            assertEquals(List.of(policy.backoff(1)), h.sleeper.waits());
        }
    }

    /** A GET (or a write the provider retries) whose connection is dropped before any answer is retried. */
    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        assumeTrue(supportsGet() || retriesPostOnServerError(), "no call is retried after a 5xx");
        try (Harness h = new Harness(retries(2))) {
            h.server.failNext(Fault.dropConnection());
            representativeCall(h.client);
            assertEquals(2, h.server.requestCount());
        }
    }

    /**
     * A POST that meets a 5xx is not sent again without an idempotency key (the server may have acted on it), unless
     * the provider {@linkplain #retriesPostOnServerError() says it deliberately does}.
     */
    @Test
    void postIsNotRetriedAfterAServerErrorWithoutIdempotencyKey() throws Exception {
        try (Harness h = new Harness(retries(2))) {
            h.server.failNext(Fault.status(503, errorBody(503, "unavailable", "Try later")));
            if (retriesPostOnServerError()) {
                h.client.post();
                assertEquals(2, h.server.requestCount(), "the provider retries its writes");
            } else {
                ApiException e = h.apiFailureOf(h.client::post);
                assertTrue(e instanceof ServerException, () -> "expected a ServerException, was " + e);
                assertEquals(1, h.server.requestCount(), "a POST without idempotency key is sent once");
                assertEquals(List.of(), h.sleeper.waits());
            }
        }
    }

    /** With an idempotency key a POST is retried after a 5xx, with the same key each time. */
    @Test
    void postWithIdempotencyKeyIsRetriedWithTheSameKey() throws Exception {
        assumeTrue(supportsIdempotencyKeys(), "the provider has no idempotency keys");
        try (Harness h = new Harness(retries(2))) {
            h.server.failNext(Fault.status(503, errorBody(503, "unavailable", "Try later")));
            h.client.postWithIdempotencyKey("conformance-key-1");
            assertEquals(2, h.server.requestCount());
            for (RecordedExchange r : h.server.requests()) {
                assertEquals("conformance-key-1", r.header("Idempotency-Key"), () -> "key on " + r);
            }
        }
    }

    /** Retries stop at the policy's limit, and the last failure surfaces. */
    @Test
    void retriesStopAtTheLimit() throws Exception {
        assumeTrue(supportsGet() || retriesPostOnServerError(), "no call is retried after a 5xx");
        try (Harness h = new Harness(retries(2))) {
            h.server.failNext(3, Fault.status(500, errorBody(500, "internal", "Broken")));
            ApiException e = h.apiFailureOf(this::representativeCall);
            assertTrue(e instanceof ServerException, () -> "expected a ServerException, was " + e);
            assertEquals(3, h.server.requestCount(), "the first attempt and two retries");
            assertEquals(2, h.sleeper.waits().size());
        }
    }

    /** A client error is never retried. */
    @Test
    void clientErrorsAreNotRetried() throws Exception {
        try (Harness h = new Harness(retries(2))) {
            h.server.failNext(Fault.status(400, errorBody(400, "invalid", "Bad input")));
            h.apiFailureOf(this::representativeCall);
            assertEquals(1, h.server.requestCount());
            assertEquals(List.of(), h.sleeper.waits());
        }
    }

    /** A body cut off half-way is a failure, never a partial result. */
    @Test
    void aTruncatedBodyIsAFailure() throws Exception {
        assumeTrue(supportsGet(), "the provider has no read call");
        try (Harness h = new Harness(RetryPolicy.none())) {
            h.server.failNext(Fault.truncatedBody());
            Throwable thrown = h.failureOf(h.client::get);
            assertTrue(find(thrown, TallyException.class) != null, () -> "expected a TallyException, got " + thrown);
        }
    }

    // ---- redaction ------------------------------------------------------------------------------------

    /**
     * The credential is sent, yet appears in no failure: not in messages, {@code toString()}, causes, error bodies or
     * headers, not even when the server quotes it back in its error body.
     */
    @Test
    void theCredentialNeverAppearsInFailures() throws Exception {
        List<Fault> faults = new ArrayList<>();
        faults.add(Fault.status(401, errorBody(401, "unauthorized", "Token " + CANARY + " is not valid")));
        faults.add(Fault.status(403, errorBody(403, "forbidden", "Forbidden for " + CANARY)));
        faults.add(Fault.status(500, errorBody(500, "internal", "Broken")).withHeader("X-Debug-Token", CANARY));
        faults.add(Fault.dropConnection());
        for (Fault fault : faults) {
            try (Harness h = new Harness(RetryPolicy.none())) {
                h.server.failNext(fault);
                Throwable thrown = h.failureOf(this::representativeCall);
                assertNoCanary(thrown, fault);
                RecordedExchange sent = h.server.lastRequest();
                assertNotNull(sent, "the fake recorded the request");
                assertTrue(sent.headers().values().stream().flatMap(List::stream).anyMatch(v -> v.contains(CANARY)),
                        "the credential was sent (else this test proves nothing)");
                assertFalse(sent.toString().contains(CANARY), "the fake's own record hides it too");
            }
        }
    }

    /** The client's {@code toString()} never shows the credential. */
    @Test
    void theClientsToStringHidesTheCredential() throws Exception {
        try (Harness h = new Harness(RetryPolicy.none())) {
            assertFalse(h.client.toString().contains(CANARY), () -> "toString() shows the credential: " + h.client);
        }
    }

    private static void assertNoCanary(Throwable thrown, Fault fault) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String where = "after " + fault + ", " + t.getClass().getSimpleName();
            assertFalse(String.valueOf(t.getMessage()).contains(CANARY), where + " message shows the credential");
            assertFalse(t.toString().contains(CANARY), where + " toString() shows the credential");
            if (t instanceof ApiException) {
                ApiException e = (ApiException) t;
                assertFalse(String.valueOf(e.body()).contains(CANARY), where + " body() shows the credential");
                assertFalse(String.valueOf(e.headers()).contains(CANARY), where + " headers() show the credential");
                assertFalse(e.serverMessage().orElse("").contains(CANARY), where + " serverMessage() shows it");
            }
            for (Throwable s : t.getSuppressed()) {
                assertFalse(s.toString().contains(CANARY), where + " suppressed exception shows the credential");
            }
            if (t.getCause() == t) {
                break;
            }
        }
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    /**
     * The call used where either would do: the read call when there is one, else the write (which the tests about
     * retries after a 5xx only use when the provider {@linkplain #retriesPostOnServerError() retries it}).
     */
    private void representativeCall(ClientUnderTest client) throws Exception {
        if (supportsGet()) {
            client.get();
        } else {
            client.post();
        }
    }

    /** A policy without jitter, so each wait is exactly {@link RetryPolicy#backoff(int)} or the server's hint. */
    protected static RetryPolicy retries(int maxRetries) {
        return RetryPolicy.builder().maxRetries(maxRetries).initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(10)).jitter(0).build();
    }

    private static <T extends Throwable> @Nullable T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A call the suite makes. */
    @FunctionalInterface
    private interface Call {
        void run(ClientUnderTest client) throws Exception;
    }

    /** One test's fake and client. */
    private final class Harness implements AutoCloseable {
        final FakeServer server;
        final RecordingSleeper sleeper = new RecordingSleeper();
        final ClientUnderTest client;

        Harness(RetryPolicy policy) {
            this.server = startServer(CANARY);
            assertNotNull(server, "startServer returned null");
            ClientUnderTest built;
            try {
                built = newClient(new ClientSetup(server.baseUrl(), CANARY, policy, sleeper,
                        ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"))));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            this.client = built;
        }

        Throwable failureOf(Call call) {
            try {
                call.run(client);
            } catch (Exception e) {
                return e;
            }
            return fail("the call succeeded; the fake answered " + server.requests());
        }

        Throwable failureOf(ThrowingRunnable call) {
            return failureOf(c -> call.run());
        }

        ApiException apiFailureOf(Call call) {
            Throwable thrown = failureOf(call);
            ApiException e = find(thrown, ApiException.class);
            if (e == null) {
                throw new AssertionError("expected an ApiException in the cause chain, got " + thrown, thrown);
            }
            return e;
        }

        ApiException apiFailureOf(ThrowingRunnable call) {
            return apiFailureOf(c -> call.run());
        }

        @Override
        public void close() throws Exception {
            try {
                client.close();
            } finally {
                server.close();
            }
        }
    }

    /** A method reference to one of the client's calls. */
    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
