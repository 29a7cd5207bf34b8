package io.tally.testkit.alke;

import io.tally.testkit.server.FakeServerExtension;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a {@link FakeAlke} for JUnit 5 tests: on a static field for the whole class, on an instance field per test.
 * Every test starts with no recorded requests or queued faults; a {@link FakeAlke} parameter receives the fake.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeAlkeExtension ALKE = new FakeAlkeExtension();
 * }</pre>
 */
public final class FakeAlkeExtension extends FakeServerExtension<FakeAlke> {
    private final Supplier<FakeAlke> factory;

    /** A fake with the demo properties and tokens. */
    public FakeAlkeExtension() {
        this(FakeAlke::start);
    }

    /** A fake from a configured builder. */
    public FakeAlkeExtension(FakeAlke.Builder builder) {
        this(Objects.requireNonNull(builder, "builder")::start);
    }

    private FakeAlkeExtension(Supplier<FakeAlke> factory) {
        super(FakeAlke.class);
        this.factory = factory;
    }

    /** Starts a fake from this extension's configuration. */
    @Override
    protected FakeAlke startFake() {
        return factory.get();
    }

    /** Forgets recorded requests and queued faults. */
    @Override
    protected void beforeTest(FakeAlke fake) {
        fake.reset();
    }
}
