package io.tally.hitkeep.model;

/**
 * One step of a funnel: a page path or an event name that visitors reach in order.
 *
 * @param type what the step matches
 * @param value the path (e.g. {@code /checkout}) or event name (e.g. {@code purchase})
 */
public record FunnelStep(
        MatchType type,
        String value) {

    /** A step reached by viewing {@code path}. */
    public static FunnelStep path(String path) {
        return new FunnelStep(MatchType.PATH, path);
    }

    /** A step reached by sending the event {@code name}. */
    public static FunnelStep event(String name) {
        return new FunnelStep(MatchType.EVENT, name);
    }
}
