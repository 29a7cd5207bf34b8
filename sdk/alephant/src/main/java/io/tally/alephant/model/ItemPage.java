package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a SaaS management list: {@code {<items>: [...], total, page, pageSize}} (e.g.
 * {@code agents}, {@code members}, {@code departments}, {@code keys}).
 *
 * @param <T> the item type
 */
public final class ItemPage<T> extends AlephantObject {
    private final List<T> items;

    /**
     * Reads the page.
     *
     * @param json     the payload
     * @param field    the name of the items array
     * @param convert  how to read one item
     */
    public ItemPage(JsonNode json, String field, Function<JsonNode, T> convert) {
        super(json);
        JsonNode array = json != null && json.isArray() ? json : node(field, "items", "data");
        this.items = listOf(array, convert);
    }

    /** The items of this page. */
    public List<T> items() {
        return items;
    }

    /** The total number of items, or {@code null}. */
    public @Nullable Long total() {
        return whole("total");
    }

    /** The page number, or {@code null}. */
    public @Nullable Long page() {
        return whole("page");
    }

    /** The page size, or {@code null}. */
    public @Nullable Long pageSize() {
        return whole("pageSize", "page_size");
    }

    /** Class name and items. */
    @Override
    public String toString() {
        return "ItemPage" + items;
    }
}
