package io.tally.alephant;

import io.tally.core.spi.ResponseReader;

/**
 * One page of a SaaS management list: {@code page} (from 1) and {@code pageSize} (1–200);
 * {@code departmentId} filters the agents list only.
 *
 * @param <T> what the request returns
 */
public final class ListRequest<T> extends AlephantRequest<T, ListRequest<T>> {
    private final boolean departmentFilter;

    ListRequest(Alephant client, String path, ResponseReader<T> reader, boolean departmentFilter) {
        super(client, Host.SAAS, Access.WORKSPACE, "GET", path, new Object[0], reader);
        this.departmentFilter = departmentFilter;
    }

    /** The page, from 1. */
    public ListRequest<T> page(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }
        return query("page", page);
    }

    /** Items per page, 1–200. */
    public ListRequest<T> pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("pageSize must be between 1 and 200, got " + pageSize);
        }
        return query("pageSize", pageSize);
    }

    /**
     * Only agents of this department.
     *
     * @throws IllegalArgumentException on a list other than agents, or a blank id
     */
    public ListRequest<T> departmentId(String departmentId) {
        if (!departmentFilter) {
            throw new IllegalArgumentException(
                    "departmentId is accepted only by GET /api/v1/agents, not " + pathTemplate());
        }
        if (departmentId != null && departmentId.trim().isEmpty()) {
            throw new IllegalArgumentException("departmentId must be an id, got a blank value");
        }
        return query("departmentId", departmentId);
    }
}
