package io.tally.testkit.server;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 lifecycle every fake's extension shares. Registered on a static field or with {@code @ExtendWith},
 * one fake runs for the whole class (nested classes included); registered on an instance field, one per test.
 * Before each test a running fake is {@linkplain #beforeTest prepared} (reset, by default); test methods and
 * constructors can take the fake as a parameter.
 *
 * <p>A fake's extension extends this with how to start the fake and what to reset between tests:
 *
 * <pre>{@code
 * public final class FakeExampleExtension extends FakeServerExtension<FakeExample> {
 *     public FakeExampleExtension() { super(FakeExample.class); }
 *     protected FakeExample startFake() { return FakeExample.start(); }
 *     protected void beforeTest(FakeExample fake) { fake.reset(); }
 * }
 * }</pre>
 *
 * <p>Needs {@code junit-jupiter-api} on the test class path; the testkit declares it optional.
 *
 * @param <F> the fake
 */
public abstract class FakeServerExtension<F extends AutoCloseable>
        implements
            BeforeAllCallback,
            AfterAllCallback,
            BeforeEachCallback,
            AfterEachCallback,
            ParameterResolver {

    private final Class<F> fakeType;
    private @Nullable F fake;
    private @Nullable String startedBy;

    /**
     * An extension for fakes of this type (the type test parameters are resolved for).
     *
     * @throws IllegalArgumentException if the type is {@code null}
     */
    protected FakeServerExtension(Class<F> fakeType) {
        if (fakeType == null) {
            throw new IllegalArgumentException("fakeType must not be null");
        }
        this.fakeType = fakeType;
    }

    /** Starts a new fake. */
    protected abstract F startFake();

    /** Prepares a running fake for the next test: a reset, or only forgetting recorded requests. */
    protected abstract void beforeTest(F fake);

    /**
     * The running fake.
     *
     * @throws IllegalStateException outside a test's lifecycle
     */
    public synchronized F fake() {
        if (fake == null) {
            throw new IllegalStateException(fakeType.getSimpleName() + " is not running: use it from a test, "
                    + "@BeforeEach or @BeforeAll (static registration)");
        }
        return fake;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (fake == null) {
            startFor(context);
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (fake == null) {
            startFor(context);
        } else {
            beforeTest(fake);
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        stopIfStartedBy(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == fakeType;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (fake == null) {
            startFor(extensionContext);
        }
        return fake();
    }

    private void startFor(ExtensionContext context) {
        fake = startFake();
        startedBy = context.getUniqueId();
    }

    private void stopIfStartedBy(ExtensionContext context) {
        if (fake != null && context.getUniqueId().equals(startedBy)) {
            try {
                fake.close();
            } catch (Exception e) {
                throw new IllegalStateException(fakeType.getSimpleName() + " did not close cleanly", e);
            } finally {
                fake = null;
                startedBy = null;
            }
        }
    }
}
