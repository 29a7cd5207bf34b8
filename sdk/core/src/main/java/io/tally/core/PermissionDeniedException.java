package io.tally.core;

import io.tally.core.spi.ErrorContext;
import java.util.Optional;

/**
 * HTTP 403. The credentials are valid but may not do this: a missing scope, grant or permission,
 * or a plan limit. {@link #missingScope()} and {@link #missingPermission()} say what was missing
 * when the provider's error body names it.
 */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The API-key scope the request needed, or {@code null} when the body did not name one. */
    private final String missingScope;
    /** The role permission the request needed, or {@code null} when the body did not name one. */
    private final String missingPermission;

    /**
     * Creates the exception for the 403 failure that {@code context} describes, keeping the missing
     * scope and permission its details name.
     */
    public PermissionDeniedException(ErrorContext context) {
        super(context);
        this.missingScope = context.details().missingScope();
        this.missingPermission = context.details().missingPermission();
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
