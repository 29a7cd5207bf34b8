package io.tally.alephant.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** Finds the list in a Cockpit payload: the payload itself, or its {@code items}/{@code data}/{@code rows}/{@code requests}. */
final class CockpitItems {
    private CockpitItems() {}

    static @Nullable JsonNode itemsOf(JsonNode payload) {
        if (payload == null || payload.isArray()) {
            return payload;
        }
        for (String name : new String[] {"items", "data", "rows", "requests", "days", "models"}) {
            JsonNode v = payload.get(name);
            if (v != null && v.isArray()) {
                return v;
            }
        }
        return null;
    }
}
