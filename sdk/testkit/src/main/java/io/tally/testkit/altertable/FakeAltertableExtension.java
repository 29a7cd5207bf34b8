package io.tally.testkit.altertable;

import io.tally.testkit.server.FakeServerExtension;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a {@link FakeAltertable} for JUnit 5 tests. Registered on a static field, or with
 * {@code @ExtendWith}, it serves the whole class (nested classes included); on an instance field,
 * each test gets its own. Either way every test
 * starts with no recorded events, requests or faults, and a {@link FakeAltertable} parameter of a
 * test or lifecycle method receives the running fake.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeAltertableExtension ALTERTABLE = new FakeAltertableExtension();
 *
 * @Test
 * void tracksSignUps() {
 *     Altertable altertable = Altertable.builder()
 *         .apiKey(FakeAltertable.DEFAULT_API_KEY).baseUrl(ALTERTABLE.fake().baseUrl()).build();
 *     …
 * }
 * }</pre>
 *
 * <p>The lifecycle is the testkit's {@link FakeServerExtension}, shared by every fake's extension.
 *
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path (tally-testkit
 * declares it optional).
 */
public final class FakeAltertableExtension extends FakeServerExtension<FakeAltertable> {
    private final Supplier<FakeAltertable> factory;

    /** A fake with the default key and environment. */
    public FakeAltertableExtension() {
        this(FakeAltertable::start);
    }

    /** A fake from a configured builder, e.g. {@code FakeAltertable.builder().environments("production", "staging")}. */
    public FakeAltertableExtension(FakeAltertable.Builder builder) {
        this(Objects.requireNonNull(builder, "builder")::start);
    }

    private FakeAltertableExtension(Supplier<FakeAltertable> factory) {
        super(FakeAltertable.class);
        this.factory = factory;
    }

    /** Starts a fake from this extension's configuration. */
    @Override
    protected FakeAltertable startFake() {
        return factory.get();
    }

    /** Forgets stored payloads, recorded requests and queued faults. */
    @Override
    protected void beforeTest(FakeAltertable fake) {
        fake.reset();
    }
}
