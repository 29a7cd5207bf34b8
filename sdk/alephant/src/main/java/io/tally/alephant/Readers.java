package io.tally.alephant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tally.core.spi.ResponseReader;
import java.util.function.Function;

/** How Alephant responses become models. */
final class Readers {
    private Readers() {}

    /** The unwrapped payload ({@code data} of the envelope, or the bare body), converted. */
    static <T> ResponseReader<T> payload(Function<JsonNode, T> convert) {
        return response -> {
            JsonNode node = response.json();
            return convert.apply(node == null ? MissingNode.getInstance() : node);
        };
    }

    /**
     * The whole body (for Cockpit results, whose {@code degraded}/{@code data_source} may sit next to
     * {@code data}); business failure codes are still checked by unwrapping first.
     */
    static <T> ResponseReader<T> wholeBody(Function<JsonNode, T> convert) {
        return response -> {
            response.json(); // throws EnvelopeFailure on a failure code
            String text = response.text();
            JsonNode root = text.trim().isEmpty() ? MissingNode.getInstance() : response.mapper().readTree(text);
            return convert.apply(root);
        };
    }

    /** No body expected. */
    static ResponseReader<Void> none() {
        return ResponseReader.discard();
    }
}
