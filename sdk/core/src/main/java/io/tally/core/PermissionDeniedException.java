package io.tally.core;

import io.tally.core.spi.ErrorContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 403. The credentials are valid but may not do this: a missing scope, grant or permission,
 * or a plan limit. {@link #missingScope()} and {@link #missingPermission()} say what was missing
 * when the provider's error body names it.
 */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The API-key scope the request needed, or {@code null} when the body did not name one. */
    private final @Nullable String missingScope;
    /** The role permission the request needed, or {@code null} when the body did not name one. */
    private final @Nullable String missingPermission;
    /** Why the request was refused; {@link Reason#UNKNOWN} when the body does not tell. */
    private final Reason reason;

    /** Why a request was refused, as far as the provider's answer tells. */
    public enum Reason {
        /** The credentials have no access at all to the resource (no grant, no membership). */
        NO_GRANT,
        /** The credentials have access, but their role lacks the permission this needs. */
        ROLE_TOO_LOW,
        /** The API key lacks a scope this needs ({@link #missingScope()} names it when known). */
        MISSING_SCOPE,
        /** The account's plan limit is reached or the plan lacks the feature. */
        PLAN_LIMIT,
        /** The answer does not say which. */
        UNKNOWN
    }

    /**
     * Creates the exception for the 403 failure that {@code context} describes, keeping the missing
     * scope and permission its details name.
     */
    public PermissionDeniedException(ErrorContext context) {
        super(context);
        this.missingScope = context.details().missingScope();
        this.missingPermission = context.details().missingPermission();
        Reason told = context.details().denialReason();
        if (told == Reason.UNKNOWN && missingScope != null) {
            told = Reason.MISSING_SCOPE;
        } else if (told == Reason.UNKNOWN && missingPermission != null) {
            told = Reason.ROLE_TOO_LOW;
        }
        this.reason = told;
    }

    /**
     * Why the request was refused, when the provider's answer tells (e.g. HitKeep's {@code Access
     * denied} is {@link Reason#NO_GRANT}, its {@code Forbidden} {@link Reason#ROLE_TOO_LOW}); never
     * {@code null}, {@link Reason#UNKNOWN} otherwise. Branch on this rather than on
     * {@link #serverMessage()}.
     */
    public Reason reason() {
        return reason;
    }

    /** The API-key scope the request needed (e.g. {@code analytics:read}), when the body names it. */
    public Optional<String> missingScope() {
        return Optional.ofNullable(missingScope);
    }

    /** The role permission the request needed (e.g. {@code site.view}), when the body names it. */
    public Optional<String> missingPermission() {
        return Optional.ofNullable(missingPermission);
    }
}
