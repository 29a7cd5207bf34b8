package io.tally.spring.boot;

import java.util.Map;

/**
 * One provider's part of the {@code tally} health indicator, independent of the Spring Boot version:
 * each provider's auto-configuration declares one bean of this type.
 */
public interface TallyHealthCheck {
    /**
     * The provider's key in the health details, e.g. {@code hitkeep}.
     *
     * @return the key
     */
    String name();

    /**
     * Checks the provider now. Must not throw: a failure is a {@link Result#down} result.
     *
     * @return whether the provider is usable, with details (never secrets)
     */
    Result check();

    /**
     * The outcome of a check: up or down, with details for the health endpoint.
     *
     * @param up      whether the provider is usable
     * @param details what to show, e.g. the base URL or the number of queued events
     */
    record Result(boolean up, Map<String, Object> details) {
        /**
         * A result, its details copied.
         *
         * @param up      whether the provider is usable
         * @param details what to show
         */
        public Result {
            details = Map.copyOf(details);
        }

        /**
         * The provider is usable.
         *
         * @param details what to show
         * @return the result
         */
        public static Result up(Map<String, Object> details) {
            return new Result(true, details);
        }

        /**
         * The provider is not usable.
         *
         * @param details what to show, e.g. the error
         * @return the result
         */
        public static Result down(Map<String, Object> details) {
            return new Result(false, details);
        }
    }
}
