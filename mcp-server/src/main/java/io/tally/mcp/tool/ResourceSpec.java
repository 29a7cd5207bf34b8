package io.tally.mcp.tool;

import java.util.Objects;

/**
 * A static text resource, e.g. {@code <provider>://help/mcp}.
 *
 * @param uri         the resource's URI
 * @param name        its machine name
 * @param title       a human title
 * @param description what it contains
 * @param mimeType    e.g. {@code text/markdown}
 * @param text        the content
 */
public record ResourceSpec(String uri, String name, String title, String description, String mimeType, String text) {
    public ResourceSpec {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
