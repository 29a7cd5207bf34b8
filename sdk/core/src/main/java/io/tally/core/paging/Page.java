package io.tally.core.paging;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing: its items and, when the API says it, the total number of matches.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final @Nullable Long total;

    private Page(@Nullable List<T> items, @Nullable Long total) {
        this.items = items == null ? Collections.<T>emptyList() : Collections.unmodifiableList(items);
        this.total = total;
    }

    /** A page whose API reports no total; {@code null} items make an empty page. */
    public static <T> Page<T> of(@Nullable List<T> items) {
        return new Page<>(items, null);
    }

    /**
     * A page and the total number of matching items across all pages; {@code null} items make an
     * empty page.
     */
    public static <T> Page<T> of(@Nullable List<T> items, long total) {
        return new Page<>(items, total);
    }

    /** The items, never {@code null}. */
    public List<T> items() {
        return items;
    }

    /** The total number of matching items across all pages, when the API reports it. */
    public OptionalLong total() {
        return total == null ? OptionalLong.empty() : OptionalLong.of(total);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items" + (total != null ? " of " + total : "") + "]";
    }
}
