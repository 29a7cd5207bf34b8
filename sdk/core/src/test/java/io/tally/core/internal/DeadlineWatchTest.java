package io.tally.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The watch behind long request deadlines cancels a call once its deadline has passed, and only then. */
class DeadlineWatchTest {
    private static final OkHttpClient HTTP = new OkHttpClient();

    private static Call call() {
        return HTTP.newCall(new Request.Builder().url("http://127.0.0.1:1/never-sent").build());
    }

    /** Waits for the sweeper's verdict on {@code entry} (it looks every SWEEP_MILLIS), not for a fixed time. */
    private static void awaitFired(DeadlineWatch.Entry entry) {
        long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!entry.fired() && System.nanoTime() < giveUpAt) {
            Thread.yield();
        }
    }

    @Test
    void onlyACallPastItsDeadlineIsCancelledAndMarked() {
        Call late = call();
        Call early = call();
        DeadlineWatch.Entry past = DeadlineWatch.watch(late, System.nanoTime() - 1);
        DeadlineWatch.Entry future = DeadlineWatch.watch(early, System.nanoTime() + TimeUnit.HOURS.toNanos(1));
        try {
            awaitFired(past);

            assertThat(past.fired()).isTrue();
            assertThat(late.isCanceled()).isTrue();
            assertThat(future.fired()).isFalse();
            assertThat(early.isCanceled()).isFalse();
        } finally {
            past.close();
            future.close();
        }
    }

    @Test
    void aCallThatFinishedInTimeIsLeftAlone() {
        Call finished = call();
        DeadlineWatch.Entry closed = DeadlineWatch.watch(finished, System.nanoTime() - 1);
        closed.close();
        // a second overdue call: once it is cancelled, a sweep has run since the first was closed
        DeadlineWatch.Entry sentinel = DeadlineWatch.watch(call(), System.nanoTime() - 1);
        try {
            awaitFired(sentinel);

            assertThat(sentinel.fired()).isTrue();
            assertThat(closed.fired()).isFalse();
            assertThat(finished.isCanceled()).isFalse();
        } finally {
            sentinel.close();
        }
    }
}
