package io.tally.testkit.altertable;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
 * <p>Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path (tally-testkit
 * declares it optional).
 */
public final class FakeAltertableExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final Supplier<FakeAltertable> factory;
    private FakeAltertable fake;
    private int classDepth;

    /** A fake with the default key and environment. */
    public FakeAltertableExtension() {
        this(FakeAltertable::start);
    }

    /** A fake from a configured builder, e.g. {@code FakeAltertable.builder().environments("production", "staging")}. */
    public FakeAltertableExtension(FakeAltertable.Builder builder) {
        this(Objects.requireNonNull(builder, "builder")::start);
    }

    private FakeAltertableExtension(Supplier<FakeAltertable> factory) {
        this.factory = factory;
    }

    /**
     * The running fake.
     *
     * @throws IllegalStateException outside a test's lifecycle
     */
    public FakeAltertable fake() {
        if (fake == null) {
            throw new IllegalStateException("FakeAltertable runs only while a test (or its class) runs");
        }
        return fake;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0 && fake == null) {
            fake = factory.get();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fake == null) {
            fake = factory.get();
        } else {
            fake.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (classDepth == 0) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeAltertable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return fake();
    }

    private void stop() {
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }
}
