package io.tally.engagetrack;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tally.core.OpenValue;

/**
 * An API-key scope (EngageTrack reference §2.3), used when creating keys. Write scopes do not imply read
 * scopes: an integration that reads and writes goals needs both {@link #GOALS_READ} and {@link #GOALS_WRITE}.
 * Open: {@link #of(String)} accepts scopes a newer EngageTrack adds.
 */
public final class Scope extends OpenValue {
    /** Stats, charts, pages, sources, devices, locations, revenue, channels and every other breakdown. */
    public static final Scope ANALYTICS_READ = new Scope("analytics:read");
    /** List sites; get site details. */
    public static final Scope SITES_READ = new Scope("sites:read");
    /** List goals, goal stats, goal completions. */
    public static final Scope GOALS_READ = new Scope("goals:read");
    /** Update goals; archive and unarchive goals. */
    public static final Scope GOALS_WRITE = new Scope("goals:write");
    /** List funnels; funnel analysis. */
    public static final Scope FUNNELS_READ = new Scope("funnels:read");
    /** Create, update, delete funnels. */
    public static final Scope FUNNELS_WRITE = new Scope("funnels:write");
    /** List annotations. */
    public static final Scope ANNOTATIONS_READ = new Scope("annotations:read");
    /** Create and delete annotations. */
    public static final Scope ANNOTATIONS_WRITE = new Scope("annotations:write");
    /** List visitors; visitor timelines (personal data). */
    public static final Scope VISITORS_READ = new Scope("visitors:read");

    private Scope(String value) {
        super(value);
    }

    /**
     * The scope with this wire value, e.g. {@code analytics:read}; trimmed and lower-cased.
     *
     * @throws IllegalArgumentException when it is blank or not {@code resource:action}
     */
    @JsonCreator
    public static Scope of(String value) {
        String v = lowerCase(value, "scope", "e.g. analytics:read");
        if (!v.matches("[a-z_]+:[a-z_]+")) {
            throw new IllegalArgumentException(
                    "scope must look like resource:action, e.g. analytics:read, got '" + v + "'");
        }
        return new Scope(v);
    }

    /** Whether this is a read scope ({@code …:read}); a write scope does not grant it. */
    public boolean isRead() {
        return value().endsWith(":read");
    }
}
