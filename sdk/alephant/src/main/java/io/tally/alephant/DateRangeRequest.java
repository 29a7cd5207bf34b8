package io.tally.alephant;

import io.tally.core.spi.ResponseReader;
import io.tally.core.spi.TimeWindow;
import io.tally.core.spi.WindowedRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A request over {@code dateFrom}/{@code dateTo}: UTC calendar days ({@code YYYY-MM-DD}), both
 * inclusive, both or neither (neither: the current billing period or the route's default window),
 * the end not before the start. On usage routes at most one of {@code agentId}, {@code memberId},
 * {@code departmentId} may be set (the server would answer 40020); a route that does not take a
 * scope or a limit refuses it. All of this is checked before sending.
 *
 * @param <T> what the request returns
 */
public final class DateRangeRequest<T> extends AlephantRequest<T, DateRangeRequest<T>>
        implements
            WindowedRequest<DateRangeRequest<T>> {
    private final Set<String> scopes;
    private final boolean datesRequired;
    private final int maxLimit;

    DateRangeRequest(Alephant client, Host host, String path, Object[] pathValues, ResponseReader<T> reader,
            boolean datesRequired, int maxLimit, String... scopes) {
        super(client, host, host == Host.ANALYTICS ? Access.VK_OR_WORKSPACE : Access.WORKSPACE, "GET", path, pathValues,
                reader);
        this.scopes = new HashSet<>(Arrays.asList(scopes));
        this.datesRequired = datesRequired;
        this.maxLimit = maxLimit;
        timeWindow(TimeWindow.days("dateFrom", "dateTo").bothOrNeither());
    }

    /** Both days of the window, inclusive. */
    public DateRangeRequest<T> dates(LocalDate dateFrom, LocalDate dateTo) {
        Objects.requireNonNull(dateFrom, "dateFrom");
        Objects.requireNonNull(dateTo, "dateTo");
        query("dateFrom", dateFrom);
        return query("dateTo", dateTo);
    }

    /** The first day (inclusive); set {@link #dateTo} too. {@code null} removes it. */
    public DateRangeRequest<T> dateFrom(LocalDate dateFrom) {
        return query("dateFrom", dateFrom);
    }

    /** The last day (inclusive); set {@link #dateFrom} too. {@code null} removes it. */
    public DateRangeRequest<T> dateTo(LocalDate dateTo) {
        return query("dateTo", dateTo);
    }

    /** Only this agent's usage. */
    public DateRangeRequest<T> agentId(String agentId) {
        return scope("agentId", agentId);
    }

    /** Only this member's usage. */
    public DateRangeRequest<T> memberId(String memberId) {
        return scope("memberId", memberId);
    }

    /** Only this department's usage or costs. */
    public DateRangeRequest<T> departmentId(String departmentId) {
        return scope("departmentId", departmentId);
    }

    /** At most this many rows (routes that take a limit). */
    public DateRangeRequest<T> limit(int limit) {
        return query("limit", limit);
    }

    private DateRangeRequest<T> scope(String name, String value) {
        if (value != null && value.trim().isEmpty()) {
            throw new IllegalArgumentException(name + " must be an id, got a blank value");
        }
        return query(name, value);
    }

    @Override
    protected void validateInputs() {
        List<String> set = new ArrayList<>();
        for (String name : new String[] {"agentId", "memberId", "departmentId"}) {
            if (!queryValues(name).isEmpty()) {
                if (!scopes.contains(name)) {
                    throw new IllegalArgumentException(name + " is not accepted by " + method() + " " + pathTemplate()
                            + (scopes.isEmpty() ? "" : "; it takes " + String.join(" or ", scopes)));
                }
                set.add(name);
            }
        }
        if (set.size() > 1) {
            throw new IllegalArgumentException(
                    "set at most one of agentId, memberId and departmentId, got " + String.join(" and ", set)
                            + " (Alephant answers 40020)");
        }
        if (datesRequired && queryValues("dateFrom").isEmpty() && queryValues("dateTo").isEmpty()) {
            throw new IllegalArgumentException("dateFrom and dateTo are required by " + method() + " " + pathTemplate()
                    + "; set dates(from, to)");
        }
        if (!queryValues("limit").isEmpty()) {
            int limit = Integer.parseInt(queryValues("limit").get(0));
            if (maxLimit == 0) {
                throw new IllegalArgumentException("limit is not accepted by " + method() + " " + pathTemplate());
            }
            if (limit < 1 || limit > maxLimit) {
                throw new IllegalArgumentException("limit must be between 1 and " + maxLimit + ", got " + limit);
            }
        }
    }
}
