package io.tally.core.spi;

import io.tally.core.PermissionDeniedException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a provider's error body says, as read by that provider's {@link ErrorDecoder}. Every field
 * may be {@code null} when the body does not say it.
 */
public final class ErrorDetails {
    private static final ErrorDetails NONE = new Builder().build();

    private final @Nullable String message;
    private final @Nullable String errorCode;
    private final @Nullable String missingScope;
    private final @Nullable String missingPermission;
    private final @Nullable String hint;
    private final PermissionDeniedException.Reason denialReason;
    private final @Nullable Instant retryAt;

    private ErrorDetails(Builder b) {
        this.message = b.message;
        this.errorCode = b.errorCode;
        this.missingScope = b.missingScope;
        this.missingPermission = b.missingPermission;
        this.hint = b.hint;
        this.denialReason = b.denialReason;
        this.retryAt = b.retryAt;
    }

    /** Details with nothing known. */
    public static ErrorDetails none() {
        return NONE;
    }

    /** Details carrying only the server's message. */
    public static ErrorDetails message(@Nullable String message) {
        return builder().message(message).build();
    }

    /** A builder with every field unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** The server's human-readable message. */
    public @Nullable String message() {
        return message;
    }

    /** The provider's machine-readable error code. */
    public @Nullable String errorCode() {
        return errorCode;
    }

    /** The API-key scope the request lacked, for 403s that name one. */
    public @Nullable String missingScope() {
        return missingScope;
    }

    /** The role permission the request lacked, for 403s that name one. */
    public @Nullable String missingPermission() {
        return missingPermission;
    }

    /** What the caller can do about it, in a sentence; replaces the generic hint for the status. */
    public @Nullable String hint() {
        return hint;
    }

    /**
     * Why a 403 was refused, as {@link PermissionDeniedException#reason()} reports it;
     * {@link PermissionDeniedException.Reason#UNKNOWN} unless the decoder could tell.
     */
    public PermissionDeniedException.Reason denialReason() {
        return denialReason;
    }

    /**
     * When the body says the request may be sent again (EngageTrack's 429 says {@code Retry after
     * 2026-03-14T12:01:00Z}), or {@code null}. The retry policy honours it like {@code Retry-After}
     * when the response has no such header.
     */
    public @Nullable Instant retryAt() {
        return retryAt;
    }

    /** A builder holding these details, to derive changed ones. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.message = message;
        b.errorCode = errorCode;
        b.missingScope = missingScope;
        b.missingPermission = missingPermission;
        b.hint = hint;
        b.retryAt = retryAt;
        b.denialReason = denialReason;
        return b;
    }

    /** Builder for {@link ErrorDetails}. */
    public static final class Builder {
        private @Nullable String message;
        private @Nullable String errorCode;
        private @Nullable String missingScope;
        private @Nullable String missingPermission;
        private @Nullable String hint;
        private PermissionDeniedException.Reason denialReason = PermissionDeniedException.Reason.UNKNOWN;
        private @Nullable Instant retryAt;

        private Builder() {}

        /** The server's human-readable message; trimmed, and {@code null} or blank clears it. */
        public Builder message(@Nullable String message) {
            this.message = emptyToNull(message);
            return this;
        }

        /**
         * The provider's machine-readable error code, e.g. {@code environment-not-found}; trimmed,
         * and {@code null} or blank clears it.
         */
        public Builder errorCode(@Nullable String errorCode) {
            this.errorCode = emptyToNull(errorCode);
            return this;
        }

        /**
         * The API-key scope the request lacked, e.g. {@code analytics:read}; trimmed, and
         * {@code null} or blank clears it.
         */
        public Builder missingScope(@Nullable String missingScope) {
            this.missingScope = emptyToNull(missingScope);
            return this;
        }

        /**
         * The role permission the request lacked, e.g. {@code site.view}; trimmed, and {@code null}
         * or blank clears it.
         */
        public Builder missingPermission(@Nullable String missingPermission) {
            this.missingPermission = emptyToNull(missingPermission);
            return this;
        }

        /**
         * What the caller can do about the failure, in one sentence; it replaces the status's
         * generic hint in the exception message. Trimmed, and {@code null} or blank clears it.
         */
        public Builder hint(@Nullable String hint) {
            this.hint = emptyToNull(hint);
            return this;
        }

        /**
         * Why a 403 was refused, when the body tells; {@code null} means
         * {@link PermissionDeniedException.Reason#UNKNOWN}. When unset, a named
         * {@link #missingScope} or {@link #missingPermission} gives the reason.
         */
        public Builder denialReason(PermissionDeniedException.Reason reason) {
            this.denialReason = reason == null ? PermissionDeniedException.Reason.UNKNOWN : reason;
            return this;
        }

        /** When the body says the request may be sent again; {@code null} for unknown. */
        public Builder retryAt(@Nullable Instant retryAt) {
            this.retryAt = retryAt;
            return this;
        }

        /** The details as set so far; the builder may be reused. */
        public ErrorDetails build() {
            return new ErrorDetails(this);
        }

        private static @Nullable String emptyToNull(@Nullable String s) {
            return s == null || s.trim().isEmpty() ? null : s.trim();
        }
    }
}
