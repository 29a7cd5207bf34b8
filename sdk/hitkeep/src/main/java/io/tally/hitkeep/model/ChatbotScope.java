package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The dimension an AI-chatbot export can be scoped to ({@code scope_key}): {@code provider},
 * {@code bot_id}, {@code surface} or {@code model}.
 */
public final class ChatbotScope extends OpenValue {
    /** The chatbot's provider. */
    public static final ChatbotScope PROVIDER = new ChatbotScope("provider");
    /** One bot. */
    public static final ChatbotScope BOT_ID = new ChatbotScope("bot_id");
    /** The surface the chatbot runs on. */
    public static final ChatbotScope SURFACE = new ChatbotScope("surface");
    /** The model. */
    public static final ChatbotScope MODEL = new ChatbotScope("model");

    private ChatbotScope(String value) {
        super(value);
    }

    /** The value for this string, known or not (lower-cased, trimmed). */
    @JsonCreator
    public static ChatbotScope of(String value) {
        return new ChatbotScope(OpenValue.lowerCase(value, "chatbotScope"));
    }
}
