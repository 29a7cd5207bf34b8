package io.tally.testkit.hitkeep;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fake for a whole test class, on the suite's fixed clock ({@link Fixtures#builder()}), and the {@link Http}
 * calls to it. Run by the testkit's own {@link FakeHitKeepExtension}, so these tests use it the way users do;
 * register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedFake HITKEEP = SharedFake.resetBeforeEachTest();
 *
 * HITKEEP.get("/api/sites", Http.bearer(HitKeepDemo.TOKEN));
 * }</pre>
 */
final class SharedFake implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final FakeHitKeepExtension extension;
    private volatile Http http;

    private SharedFake(FakeHitKeepExtension extension) {
        this.extension = extension;
    }

    /** Before each test the fake is reset: demo data, tokens and users as configured, nothing recorded. */
    static SharedFake resetBeforeEachTest() {
        return new SharedFake(FakeHitKeepExtension.create(Fixtures.builder().build()));
    }

    /** For classes whose tests only read: before each test only the recorded requests are forgotten. */
    static SharedFake clearRequestsBeforeEachTest() {
        return new SharedFake(FakeHitKeepExtension.create(Fixtures.builder().build()).clearRequestsOnly());
    }

    FakeHitKeep fake() {
        return extension.fake();
    }

    Http.Reply get(String path, String... headers) {
        return http().get(path, headers);
    }

    Http.Reply post(String path, String json, String... headers) {
        return http().post(path, json, headers);
    }

    Http.Reply send(okhttp3.Request.Builder request, String... headers) {
        return http().send(request, headers);
    }

    private Http http() {
        Http client = http;
        if (client == null) {
            throw new IllegalStateException("the fake is not running: use it from a test, @BeforeEach or @BeforeAll");
        }
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        extension.beforeAll(context);
        http = new Http(extension.fake());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        extension.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        extension.afterEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        extension.afterAll(context);
        http = null;
    }
}
