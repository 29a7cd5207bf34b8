package io.tally.engagetrack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.core.json.TallyJson;
import io.tally.core.spi.ResponseReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An analytics query (EngageTrack reference §6): {@link #period(Period)}, {@link #date(LocalDate)}, typed
 * {@link #filter(Filter) filters} or {@link #rawFilters(String) raw JSON filters}, and {@link #limit(int)}.
 *
 * @param <T> what the request returns
 * @param <R> the concrete request type
 */
public abstract class AnalyticsRequest<T, R extends AnalyticsRequest<T, R>> extends EngageTrackRequest<T, R> {
    private final List<Filter> filters = new ArrayList<>();
    private @Nullable String rawFilters;

    /** A {@code GET} of an analytics route; see {@link EngageTrackRequest}. */
    protected AnalyticsRequest(EngageTrack client, String pathTemplate, Object[] pathValues, ResponseReader<T> reader) {
        super(client, "GET", pathTemplate, RouteAuth.KEY_OR_SESSION, pathValues, reader);
    }

    /** The period; EngageTrack's default applies when unset. A custom period also sends {@code from} and {@code to}. */
    public R period(Period period) {
        Objects.requireNonNull(period, "period");
        query("period", period.value());
        query("from", period.isCustom() ? period.from() : null);
        query("to", period.isCustom() ? period.to() : null);
        return self();
    }

    /** The base date the period is computed from ({@code date}, an ISO date). */
    public R date(LocalDate date) {
        return query("date", date);
    }

    /** Adds a typed filter; replaces {@link #rawFilters(String)}. */
    public R filter(Filter filter) {
        filters.add(Objects.requireNonNull(filter, "filter"));
        rawFilters = null;
        return writeFilters();
    }

    /** Adds typed filters; replaces {@link #rawFilters(String)}. */
    public R filters(List<Filter> more) {
        for (Filter f : more) {
            filter(f);
        }
        return self();
    }

    /**
     * The {@code filters} parameter as JSON you write yourself (the grammar is not published): a JSON array,
     * sent as it is (URL-encoded). Replaces typed filters.
     *
     * @throws IllegalArgumentException when it is not a JSON array
     */
    public R rawFilters(String json) {
        JsonNode parsed = json == null ? null : TallyJson.readTreeOrNull(json);
        if (parsed == null || !parsed.isArray()) {
            throw new IllegalArgumentException(
                    "rawFilters must be a JSON array, e.g. [{\"field\":\"country\",\"operator\":\"is\","
                            + "\"value\":\"DE\"}], got " + (json == null ? "null" : "'" + json + "'"));
        }
        filters.clear();
        rawFilters = json.trim();
        return query("filters", rawFilters);
    }

    /**
     * The most rows a breakdown returns (EngageTrack's default is 10 on channels).
     *
     * @throws IllegalArgumentException when not between 1 and 1000
     */
    public R limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        return query("limit", limit);
    }

    private R writeFilters() {
        ArrayNode array = TallyJson.mapper().createArrayNode();
        for (Filter f : filters) {
            ObjectNode o = array.addObject();
            o.put("field", f.field());
            o.put("operator", f.operator());
            o.set("value", TallyJson.mapper().valueToTree(f.value()));
        }
        try {
            return query("filters", TallyJson.mapper().writeValueAsString(array));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("filters could not be written as JSON", e);
        }
    }
}
