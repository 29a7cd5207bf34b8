package io.tally.testkit.hitkeep;

import java.util.Objects;

/** Ends a request with HitKeep's plain-text error: the status and {@code message + "\n"}. */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The message given to the constructor, which requires one. */
    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage(), "message");
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError unauthorized() {
        return new HttpError(401, "Unauthorized");
    }

    static HttpError accessDenied() {
        return new HttpError(403, "Access denied");
    }

    static HttpError forbidden() {
        return new HttpError(403, "Forbidden");
    }

    static HttpError notFound() {
        return new HttpError(404, "Not found");
    }
}
