package io.tally.alke;

import io.tally.core.spi.TimeWindow;
import io.tally.core.time.DateRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/reports}: a property, a day window, metrics (at least one) and dimensions, plus any
 * other top-level field passed through untouched. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * AlkeReportRequest req = AlkeReportRequest.builder()
 *     .propertyId(UUID.fromString("6f1c2b9e-4a57-4a8e-9d0b-2f4c8e1a7b31"))
 *     .dateFrom(LocalDate.of(2026, 3, 1))
 *     .dateTo(LocalDate.of(2026, 3, 15))
 *     .metrics(AlkeMetrics.PAGEVIEWS, AlkeMetrics.VISITS)
 *     .dimension(AlkeDimensions.DATE)
 *     .param("limit", 100)          // passed through untouched
 *     .build();
 * }</pre>
 *
 * <p>Sent as JSON with the documented camelCase keys ({@code propertyId}, {@code dateFrom}, {@code dateTo},
 * {@code metrics}, {@code dimensions}), dates as {@code YYYY-MM-DD}. Not documented by Alke, so not assumed here:
 * whether {@code dateTo} is inclusive, the time zone of the days, the longest window, and which metric and
 * dimension names (and combinations) exist.
 */
public final class AlkeReportRequest {
    /** The route's day window: both bounds, {@code dateTo} not before {@code dateFrom}. */
    static final TimeWindow WINDOW = TimeWindow.days("dateFrom", "dateTo").bothOrNeither();
    private static final Set<String> MODELLED = new LinkedHashSet<>(
            Arrays.asList("propertyId", "dateFrom", "dateTo", "metrics", "dimensions"));

    private final UUID propertyId;
    private final LocalDate dateFrom;
    private final LocalDate dateTo;
    private final List<String> metrics;
    private final List<String> dimensions;
    private final Map<String, Object> params;

    private AlkeReportRequest(Builder b) {
        this.propertyId = Objects.requireNonNull(b.propertyId, "propertyId"); // build() checked all three
        this.dateFrom = Objects.requireNonNull(b.dateFrom, "dateFrom");
        this.dateTo = Objects.requireNonNull(b.dateTo, "dateTo");
        this.metrics = Collections.unmodifiableList(new ArrayList<>(b.metrics));
        this.dimensions = Collections.unmodifiableList(new ArrayList<>(b.dimensions));
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The property (tracked site or app) the report is about. */
    public UUID propertyId() {
        return propertyId;
    }

    /** The first day of the report. */
    public LocalDate dateFrom() {
        return dateFrom;
    }

    /** The last day of the report (whether Alke includes it is not documented). */
    public LocalDate dateTo() {
        return dateTo;
    }

    /** The metric names, in the order given, without repeats; never empty. */
    public List<String> metrics() {
        return metrics;
    }

    /** The dimension names, in the order given, without repeats; may be empty. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** The other top-level fields, copied into the body as they are. */
    public Map<String, Object> params() {
        return params;
    }

    /** A builder holding this request, to derive a changed one. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.propertyId = propertyId;
        b.dateFrom = dateFrom;
        b.dateTo = dateTo;
        b.metrics.addAll(metrics);
        b.dimensions.addAll(dimensions);
        b.params.putAll(params);
        return b;
    }

    /** The JSON body: the documented fields first, then the passed-through ones. */
    Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("propertyId", propertyId.toString());
        body.put("dateFrom", dateFrom.toString());
        body.put("dateTo", dateTo.toString());
        body.put("metrics", metrics);
        body.put("dimensions", dimensions);
        body.putAll(params);
        return body;
    }

    @Override
    public String toString() {
        return "AlkeReportRequest[" + propertyId + " " + dateFrom + ".." + dateTo + ", metrics=" + metrics
                + ", dimensions=" + dimensions + (params.isEmpty() ? "" : ", params=" + params.keySet()) + "]";
    }

    /** Builder for {@link AlkeReportRequest}; {@link #build()} checks it. */
    public static final class Builder {
        private @Nullable UUID propertyId;
        private @Nullable LocalDate dateFrom;
        private @Nullable LocalDate dateTo;
        private final Set<String> metrics = new LinkedHashSet<>();
        private final Set<String> dimensions = new LinkedHashSet<>();
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Builder() {}

        /** The property (the UUID the tracker's {@code setConfig} uses); required. */
        public Builder propertyId(UUID propertyId) {
            this.propertyId = Objects.requireNonNull(propertyId, "propertyId");
            return this;
        }

        /**
         * The property id as text.
         *
         * @throws IllegalArgumentException when it is not a UUID
         */
        public Builder propertyId(String propertyId) {
            try {
                return propertyId(UUID.fromString(String.valueOf(propertyId).trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "propertyId must be a UUID such as 6f1c2b9e-4a57-4a8e-9d0b-2f4c8e1a7b31"
                                + " (the id in the tracker's setConfig), got '" + propertyId + "'");
            }
        }

        /** The first day; required. */
        public Builder dateFrom(LocalDate dateFrom) {
            this.dateFrom = dateFrom;
            return this;
        }

        /** The last day; required, not before {@link #dateFrom}. */
        public Builder dateTo(LocalDate dateTo) {
            this.dateTo = dateTo;
            return this;
        }

        /** Both days from a range: its first and last day in its zone. */
        public Builder range(DateRange range) {
            Objects.requireNonNull(range, "range");
            return dateFrom(range.firstDay()).dateTo(range.lastDay());
        }

        /**
         * Adds a metric, e.g. {@link AlkeMetrics#PAGEVIEWS} or any name Alke accepts; a repeat is ignored.
         *
         * @throws IllegalArgumentException when the name is blank or has surrounding whitespace
         */
        public Builder metric(String metric) {
            metrics.add(name("metric", metric));
            return this;
        }

        /** Adds metrics; see {@link #metric(String)}. */
        public Builder metrics(String... metrics) {
            for (String m : metrics) {
                metric(m);
            }
            return this;
        }

        /** Adds metrics; see {@link #metric(String)}. */
        public Builder metrics(Iterable<String> metrics) {
            for (String m : metrics) {
                metric(m);
            }
            return this;
        }

        /**
         * Adds a dimension, e.g. {@link AlkeDimensions#DATE} or any name Alke accepts; a repeat is ignored.
         *
         * @throws IllegalArgumentException when the name is blank or has surrounding whitespace
         */
        public Builder dimension(String dimension) {
            dimensions.add(name("dimension", dimension));
            return this;
        }

        /** Adds dimensions; see {@link #dimension(String)}. */
        public Builder dimensions(String... dimensions) {
            for (String d : dimensions) {
                dimension(d);
            }
            return this;
        }

        /** Adds dimensions; see {@link #dimension(String)}. */
        public Builder dimensions(Iterable<String> dimensions) {
            for (String d : dimensions) {
                dimension(d);
            }
            return this;
        }

        /**
         * Any other top-level field (filters, limit, sort…), copied into the body as it is: strings, numbers,
         * booleans, lists, maps and Jackson trees are written as JSON. {@code null} removes the field.
         *
         * @throws IllegalArgumentException when the name is blank or is one of the modelled fields
         *     ({@code propertyId}, {@code dateFrom}, {@code dateTo}, {@code metrics}, {@code dimensions}), which
         *     have their own setters
         */
        public Builder param(String name, Object value) {
            String n = name("param name", name);
            if (MODELLED.contains(n)) {
                throw new IllegalArgumentException("param name '" + n + "' is a modelled field; use " + n
                        + "(...) instead");
            }
            if (value == null) {
                params.remove(n);
            } else {
                params.put(n, value);
            }
            return this;
        }

        /**
         * Checks and builds the request.
         *
         * @throws IllegalArgumentException naming the field when the property, a date or every metric is missing,
         *     or when {@code dateTo} is before {@code dateFrom}
         */
        public AlkeReportRequest build() {
            if (propertyId == null) {
                throw new IllegalArgumentException("propertyId is required: the property's UUID (as in the tracker's "
                        + "setConfig)");
            }
            if (dateFrom == null || dateTo == null) {
                throw new IllegalArgumentException((dateFrom == null ? "dateFrom" : "dateTo")
                        + " is required: Alke reports take both dateFrom and dateTo (YYYY-MM-DD)");
            }
            WINDOW.check(dateFrom.toString(), dateTo.toString(), "POST /api/reports");
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("metrics must name at least one metric, e.g. "
                        + AlkeMetrics.PAGEVIEWS + " or " + AlkeMetrics.VISITS);
            }
            return new AlkeReportRequest(this);
        }

        private static String name(String what, String value) {
            if (value == null || value.trim().isEmpty()) {
                throw new IllegalArgumentException(what + " must not be null or blank");
            }
            if (!value.equals(value.trim())) {
                throw new IllegalArgumentException(what + " '" + value + "' has leading or trailing whitespace");
            }
            return value;
        }
    }
}
