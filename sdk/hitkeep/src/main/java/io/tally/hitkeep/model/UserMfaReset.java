package io.tally.hitkeep.model;

/**
 * What disabling a user's second factors removed (OpenAPI schema {@code AdminDisableUserMFAResponse}).
 *
 * @param sessionsInvalidated remember-me sessions ended
 */
public record UserMfaReset(String status, boolean totpDisabled, int passkeysDeleted, int sessionsInvalidated) {}
