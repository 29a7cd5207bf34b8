package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code {preset, window, previousWindow, current, previous, summary, rows}} from the Analytics API's comparison-ready (atomic) routes.
 */
public final class WindowReport extends AlephantObject {
    /** Wraps a payload as received. */
    public WindowReport(JsonNode json) {
        super(json);
    }

    /** The preset used, or {@code null}. */
    public @Nullable String preset() {
        return text("preset");
    }

    /** The window reported on. */
    public DayWindow window() {
        return new DayWindow(node("window"));
    }

    /** The equal-length window before it. */
    public DayWindow previousWindow() {
        return new DayWindow(node("previousWindow", "previous_window"));
    }

    /** The rollup of the window. */
    public Rollup current() {
        return new Rollup(node("current"));
    }

    /** The rollup of the previous window. */
    public Rollup previous() {
        return new Rollup(node("previous"));
    }

    /** The summary (breakdown routes), as a rollup. */
    public Rollup summary() {
        return new Rollup(node("summary"));
    }

    /** The rows (breakdown routes), each kept as received. */
    public List<AlephantData> rows() {
        return list(AlephantData::new, "rows");
    }
}
