package io.tally.hitkeep.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The dimension an AI-chatbot export can be scoped to ({@code scope_key}): {@code provider},
 * {@code bot_id}, {@code surface} or {@code model}.
 */
public final class ChatbotScope {
    /** The chatbot's provider. */
    public static final ChatbotScope PROVIDER = new ChatbotScope("provider");
    /** One bot. */
    public static final ChatbotScope BOT_ID = new ChatbotScope("bot_id");
    /** The surface the chatbot runs on. */
    public static final ChatbotScope SURFACE = new ChatbotScope("surface");
    /** The model. */
    public static final ChatbotScope MODEL = new ChatbotScope("model");

    private final String value;

    private ChatbotScope(String value) {
        this.value = value;
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static ChatbotScope of(String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException("chatbotScope must not be null or blank");
        }
        return new ChatbotScope(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatbotScope && (((ChatbotScope) o).value.equals(value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
