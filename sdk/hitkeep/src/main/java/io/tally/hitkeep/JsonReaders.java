package io.tally.hitkeep;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ResponseReader;
import java.util.Collections;
import java.util.List;

/** Readers for HitKeep answers that wrap a list in an object, e.g. {@code {"imports": [...]}}. */
final class JsonReaders {
    private JsonReaders() {}

    /** The list under {@code field}; absent or {@code null} reads as an empty list. */
    static <T> ResponseReader<List<T>> listField(String field, Class<T> elementType) {
        return response -> {
            JsonNode root = response.json();
            JsonNode node = root == null ? null : root.get(field);
            if (node == null || node.isNull()) {
                return Collections.<T>emptyList();
            }
            JavaType type = response.mapper().getTypeFactory().constructCollectionType(List.class, elementType);
            List<T> list = response.mapper().readerFor(type).readValue(node);
            return Collections.unmodifiableList(list);
        };
    }
}
