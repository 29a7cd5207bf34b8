package io.tally.mcp.tool;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A prompt template an assistant's user can pick, e.g. a weekly traffic report: the text tells the assistant which
 * tools to call and how to present the answer.
 *
 * @param name        the prompt's name
 * @param title       a human title
 * @param description what the prompt does
 * @param arguments   the prompt's arguments
 * @param text        renders the user message from the arguments (missing optional arguments are absent)
 */
public record PromptSpec(String name, String title, String description, List<Argument> arguments,
        Function<Map<String, String>, String> text) {
    public PromptSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(text, "text");
    }

    /**
     * One argument of a prompt.
     *
     * @param name        its name
     * @param description what to pass
     * @param required    whether it must be given
     */
    public record Argument(String name, String description, boolean required) {}
}
