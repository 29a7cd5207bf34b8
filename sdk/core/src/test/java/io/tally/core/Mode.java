package io.tally.core;

import io.tally.core.spi.ApiRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking or async execution of a request, so that each transport rule is proved for both. The
 * async mode unwraps the future's failure, after checking that the future carries exactly the
 * exception the blocking call would have thrown.
 */
enum Mode {
    BLOCKING {
        @Override
        <T> T run(ApiRequest<T, ?> request) {
            return request.execute();
        }
    },
    ASYNC {
        @Override
        <T> T run(ApiRequest<T, ?> request) {
            CompletableFuture<T> future = request.executeAsync();
            try {
                return future.get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new AssertionError("async request failed with a checked exception", cause);
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("async request did not finish", e);
            }
        }
    };

    abstract <T> T run(ApiRequest<T, ?> request);
}
