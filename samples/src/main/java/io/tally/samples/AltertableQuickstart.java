package io.tally.samples;

import io.tally.altertable.Altertable;
import io.tally.altertable.AltertableMobile;
import io.tally.altertable.FlushResult;
import io.tally.altertable.IdentifyOptions;
import io.tally.altertable.Storage;
import io.tally.altertable.TrackOptions;
import io.tally.altertable.TrackingConsent;
import io.tally.core.Environment;
import io.tally.core.RetryPolicy;
import io.tally.testkit.altertable.FakeAltertable;
import io.tally.testkit.altertable.Fault;
import io.tally.testkit.altertable.RecordedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;

/**
 * Sends events to Altertable: server-side calls with explicit ids, then the mobile facade with a
 * persistent anonymous identity and consent.
 *
 * <p>With {@code ALTERTABLE_API_KEY} set (and optionally {@code ALTERTABLE_BASE_URL},
 * {@code ALTERTABLE_ENVIRONMENT}) it sends to that Altertable project. Without it, it starts an
 * in-process {@link FakeAltertable}, makes the fake fail twice to show the retries, and prints what
 * the fake recorded.
 *
 * <pre>
 * mvn -q -pl samples exec:java -Dexec.mainClass=io.tally.samples.AltertableQuickstart
 * </pre>
 */
public final class AltertableQuickstart {
    private AltertableQuickstart() {}

    public static void main(String[] args) throws Exception {
        boolean real = Environment.system().get("ALTERTABLE_API_KEY").isPresent();
        FakeAltertable fake = real ? null : FakeAltertable.start();
        Altertable.Builder builder = Altertable.builder()
                .onError(failure -> System.out.println("  ! " + failure.kind() + ": " + failure.message()));
        if (real) {
            builder.fromEnvironment(Environment.system());
            System.out.println("Sending to Altertable (ALTERTABLE_API_KEY is set)");
        } else {
            builder.apiKey(FakeAltertable.DEFAULT_API_KEY)
                    .baseUrl(fake.baseUrl())
                    // short waits, so the demonstration of retries below takes a moment, not seconds
                    .retryPolicy(RetryPolicy.builder().maxRetries(3).initialBackoff(Duration.ofMillis(100))
                            .maxBackoff(Duration.ofSeconds(1)).build());
            fake.failNext(2, Fault.serverError());
            System.out.println("ALTERTABLE_API_KEY is not set: sending to a FakeAltertable at " + fake.baseUrl()
                    + " that will fail the first 2 requests with 503");
        }
        Altertable altertable = builder.build();
        Path stateDirectory = Files.createTempDirectory("altertable-quickstart");
        try {
            serverSide(altertable);
            onADevice(altertable, stateDirectory.resolve("state.json"));
        } finally {
            altertable.close(); // flushes
        }

        if (fake != null) {
            System.out.println();
            System.out.println("The fake received " + fake.requestCount() + " requests and recorded "
                    + fake.events().size() + " payloads:");
            for (RecordedEvent event : fake.events()) {
                System.out.println("  " + event);
            }
            fake.close();
        }
    }

    /** The server tier: no state, every call says who it is about. */
    private static void serverSide(Altertable altertable) {
        System.out.println();
        System.out.println("Server side, environment '" + altertable.environment() + "':");
        altertable.identify("user-42", IdentifyOptions.builder()
                .trait("email", "ada@example.com")
                .trait("plan", "pro")
                .anonymousId("anonymous-3f2c9a") // merges the visitor's history into user-42
                .build());
        altertable.track("Checkout Completed", "user-42", TrackOptions.builder()
                .property("order_total", 99.99)
                .property("currency", "EUR")
                .timestamp(Instant.now().minusSeconds(5))
                .build());
        altertable.track("Plan Upgraded", "user-42", Collections.singletonMap("plan", "team"));
        altertable.alias("user-42", "stripe:cus_abc123");
        System.out.println("  queued identify, 2 tracks and an alias");

        try {
            altertable.identify("guest");
        } catch (IllegalArgumentException refused) {
            System.out.println("  refused before sending: " + refused.getMessage());
        }

        FlushResult result = altertable.flush();
        System.out.println("  flush: " + result.deliveredCount() + " delivered, success=" + result.isSuccess());
    }

    /** The mobile tier: identity, sessions and consent kept in a storage file. */
    private static void onADevice(Altertable altertable, Path stateFile) {
        System.out.println();
        System.out.println("On a device, state in " + stateFile + ":");
        AltertableMobile app = AltertableMobile.builder(altertable)
                .storage(Storage.file(stateFile))
                .trackingConsent(TrackingConsent.PENDING)
                .build();
        System.out.println("  anonymous as " + app.distinctId() + " on " + app.deviceId());
        app.track("App Opened");
        System.out.println("  consent pending: " + app.keptForConsentCount() + " payload kept, not sent");
        app.setTrackingConsent(TrackingConsent.GRANTED);
        app.identify("user-42", Collections.singletonMap("plan", "team"));
        app.screen("Settings");
        System.out.println("  consent granted and identified: now " + app.distinctId() + ", previously "
                + app.anonymousId() + ", session " + app.sessionId());
        FlushResult result = app.flush();
        System.out.println("  flush: " + result.deliveredCount() + " delivered, success=" + result.isSuccess());
        app.reset();
        System.out.println("  after reset (logout): " + app.distinctId());
    }
}
