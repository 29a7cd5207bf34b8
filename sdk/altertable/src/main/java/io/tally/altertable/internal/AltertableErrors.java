package io.tally.altertable.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ErrorDecoder;
import io.tally.core.spi.ErrorDetails;
import io.tally.core.json.TallyJson;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import org.jspecify.annotations.Nullable;

/** How Altertable's error bodies and hints are read. */
public final class AltertableErrors {
    /** The code for an environment the key's organisation does not have (400 from the mock, 422 per the spec). */
    public static final String ENVIRONMENT_NOT_FOUND = "environment-not-found";

    private AltertableErrors() {}

    /**
     * Reads the three known error shapes: the mock's {@code {"ok":false,"error_code":…}}, the spec's
     * {@code {"error":"<code>","message":…}} and the older {@code {"error":{"message","code"}}}. The
     * code is {@code error_code}, else {@code error} as a string, else {@code error.code}. An
     * unknown environment gets a hint naming the dashboard page that creates it.
     */
    public static ErrorDecoder decoder(String environment) {
        return response -> {
            String body = response.body() == null ? "" : response.body().trim();
            if (body.isEmpty()) {
                return ErrorDetails.none();
            }
            JsonNode root = TallyJson.readTreeOrNull(body);
            if (root == null || !root.isObject()) {
                return ErrorDetails.message(firstLine(body));
            }
            JsonNode error = root.path("error");
            String code = text(root.get("error_code"));
            if (code == null && error.isTextual()) {
                code = error.asText();
            }
            if (code == null && error.isObject()) {
                code = text(error.get("code"));
            }
            String message = text(root.get("message"));
            if (message == null && error.isObject()) {
                message = text(error.get("message"));
            }
            ErrorDetails.Builder details = ErrorDetails.builder().errorCode(code).message(message);
            if (ENVIRONMENT_NOT_FOUND.equals(code)) {
                details.hint(environmentHint(environment));
            }
            return details.build();
        };
    }

    /** What to do about {@code environment-not-found}. */
    public static String environmentHint(String environment) {
        return "Environment '" + environment + "' does not exist for this API key's organisation: create it in the "
                + "Altertable dashboard (" + dashboardUrl(environment) + ") or fix the client's environment setting";
    }

    /** The dashboard page that creates an environment, as the JS SDK links it. */
    public static String dashboardUrl(String environment) {
        try {
            return "https://altertable.ai/dashboard/environments/new?name=" + URLEncoder.encode(environment, "UTF-8");
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String firstLine(String body) {
        int nl = body.indexOf('\n');
        String line = nl < 0 ? body : body.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
