package io.tally.testkit.hitkeep;

import io.tally.testkit.server.FakeServerExtension;

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
 * <p>The lifecycle is the testkit's {@link FakeServerExtension}, shared by every fake's extension.
 *
 * <p>Needs {@code junit-jupiter-api} on the test classpath; the testkit declares it optional.
 */
public final class FakeHitKeepExtension extends FakeServerExtension<FakeHitKeep> {

    private final FakeHitKeep.Config config;
    private final boolean fullReset;

    /** Demo data on a free port; used by {@code @ExtendWith(FakeHitKeepExtension.class)}. */
    public FakeHitKeepExtension() {
        this(FakeHitKeep.builder().build(), true);
    }

    private FakeHitKeepExtension(FakeHitKeep.Config config, boolean fullReset) {
        super(FakeHitKeep.class);
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

    /** The running fake's base URL. */
    public String baseUrl() {
        return fake().baseUrl();
    }

    /** Starts a fake with this extension's configuration. */
    @Override
    protected FakeHitKeep startFake() {
        return config.start();
    }

    /** Resets the fake, or with {@link #clearRequestsOnly()} only forgets recorded requests. */
    @Override
    protected void beforeTest(FakeHitKeep fake) {
        if (fullReset) {
            fake.reset();
        } else {
            fake.clearRequests();
        }
    }
}
