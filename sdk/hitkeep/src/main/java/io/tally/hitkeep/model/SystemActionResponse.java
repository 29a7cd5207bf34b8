package io.tally.hitkeep.model;

/**
 * The outcome of an admin maintenance action (test e-mail, spam-list refresh).
 *
 * @param status  {@code ok} or {@code error}
 * @param message what happened, for people
 */
public record SystemActionResponse(String status, String message) {
    /** Whether the action succeeded. */
    public boolean ok() {
        return "ok".equalsIgnoreCase(status);
    }
}
