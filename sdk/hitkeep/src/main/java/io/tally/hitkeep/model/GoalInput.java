package io.tally.hitkeep.model;

/**
 * A goal to create: a page path or an event name whose occurrence counts as a conversion.
 *
 * <pre>{@code
 * GoalInput pricing = GoalInput.of("Saw pricing", MatchType.PATH, "/pricing");
 * GoalInput signup = GoalInput.of("Signed up", MatchType.EVENT, "signup");
 * }</pre>
 *
 * @param name  the goal's name
 * @param type  what it matches
 * @param value the path (starting with {@code /}) or the event name
 */
public record GoalInput(String name, MatchType type, String value) {
    /**
     * Checks the goal before anything is sent.
     *
     * @throws IllegalArgumentException when {@code name}, {@code type} or {@code value} is missing, or a path
     *     goal's value does not start with {@code /}
     */
    public GoalInput {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be null or blank");
        }
        if (type == null) {
            throw new IllegalArgumentException("type must not be null (path or event)");
        }
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    "value must not be null or blank (a path such as /pricing or an event name)");
        }
        if (MatchType.PATH.equals(type) && !value.startsWith("/")) {
            throw new IllegalArgumentException("value of a path goal must start with '/', got '" + value + "'");
        }
    }

    /** A goal named {@code name} that matches {@code value} as {@code type}. */
    public static GoalInput of(String name, MatchType type, String value) {
        return new GoalInput(name, type, value);
    }
}
