package io.tally.testkit.hitkeep;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeHitKeep} for JUnit 5 tests and gives every test a clean one.
 *
 * <pre>{@code
 * class ReportTest {
 *     @RegisterExtension
 *     static final FakeHitKeepExtension HITKEEP = FakeHitKeepExtension.create();
 *
 *     @Test
 *     void readsStats() {
 *         HitKeep client = HitKeep.builder().baseUrl(HITKEEP.baseUrl()).apiToken(HitKeepDemo.TOKEN).build();
 *         …
 *     }
 * }
 *
 * @ExtendWith(FakeHitKeepExtension.class)
 * class OtherTest {
 *     @Test
 *     void test(FakeHitKeep hitkeep) { … }
 * }
 * }</pre>
 *
 * <p>Registered on a static field or with {@code @ExtendWith}, one server runs for the whole class; registered on
 * an instance field, one per test. Before each test the fake is {@linkplain FakeHitKeep#reset() reset} (demo data,
 * configured tokens and users, nothing recorded); {@link #clearRequestsOnly()} keeps data and credentials and only
 * forgets recorded requests. Test methods and constructors can take a {@link FakeHitKeep} parameter.
 *
 * <p>Needs {@code junit-jupiter-api} on the test classpath; the testkit declares it optional.
 */
public final class FakeHitKeepExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final FakeHitKeep.Config config;
    private final boolean fullReset;
    private FakeHitKeep fake;
    private String startedBy;

    /** Demo data on a free port; used by {@code @ExtendWith(FakeHitKeepExtension.class)}. */
    public FakeHitKeepExtension() {
        this(FakeHitKeep.builder().build(), true);
    }

    private FakeHitKeepExtension(FakeHitKeep.Config config, boolean fullReset) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.fullReset = fullReset;
    }

    /** An extension running a fake with demo data on a free port. */
    public static FakeHitKeepExtension create() {
        return new FakeHitKeepExtension();
    }

    /** An extension running a fake with this configuration, e.g. {@code FakeHitKeep.builder().rateLimit(5, 10).build()}. */
    public static FakeHitKeepExtension create(FakeHitKeep.Config config) {
        return new FakeHitKeepExtension(config, true);
    }

    /** The same extension, but between tests it only clears recorded requests instead of resetting everything. */
    public FakeHitKeepExtension clearRequestsOnly() {
        return new FakeHitKeepExtension(config, false);
    }

    /**
     * The running fake.
     *
     * @throws IllegalStateException outside a test's lifecycle
     */
    public synchronized FakeHitKeep fake() {
        if (fake == null) {
            throw new IllegalStateException("FakeHitKeep is not running: use it from a test, @BeforeEach or @BeforeAll "
                    + "(static registration)");
        }
        return fake;
    }

    /** The running fake's base URL. */
    public String baseUrl() {
        return fake().baseUrl();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (fake == null) {
            fake = config.start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (fake == null) {
            fake = config.start();
            startedBy = context.getUniqueId();
        } else if (fullReset) {
            fake.reset();
        } else {
            fake.clearRequests();
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

    private void stopIfStartedBy(ExtensionContext context) {
        if (fake != null && context.getUniqueId().equals(startedBy)) {
            fake.close();
            fake = null;
            startedBy = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeHitKeep.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (fake == null) {
            fake = config.start();
            startedBy = extensionContext.getUniqueId();
        }
        return fake;
    }
}
