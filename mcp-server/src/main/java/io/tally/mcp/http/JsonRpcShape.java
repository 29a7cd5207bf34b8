package io.tally.mcp.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a POST body is one JSON-RPC 2.0 message MCP can serve before the MCP transport sees it, so that every
 * malformed shape gets the error the JSON-RPC specification names instead of a transport exception:
 * <ul>
 *   <li>empty or invalid JSON: 400, {@code -32700 Parse error};</li>
 *   <li>{@code null}, a number, a string, a batch array, no {@code "jsonrpc":"2.0"}, a bad {@code id} (null, an
 *       object, a fraction, an integer beyond 64 bits, a string over 200 characters), a {@code method} that is not a
 *       string, or neither a method nor a result/error: 400, {@code -32600 Invalid Request};</li>
 *   <li>{@code params} that are not an object, or that lack what a known method needs ({@code tools/call} without a
 *       tool name, {@code arguments} that are not an object, …): {@code -32602 Invalid params}, answered with HTTP
 *       200 and the request's id for a request (the message was read and answered), 400 for a notification.</li>
 * </ul>
 * Batches are refused because MCP's current protocol revision removed them and the transport serves one message per
 * POST.
 */
public final class JsonRpcShape {
    private static final int MAX_ID_CHARS = 200;
    private static final int MAX_METHOD_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(64)
                    .maxStringLength(4 * 1024 * 1024)
                    .build())
            .build());

    /** For known methods: the params member that must be a string, and members that must be objects if present. */
    private static final Map<String, Rule> RULES = Map.of(
            "initialize", new Rule("protocolVersion", "capabilities", "clientInfo"),
            "tools/call", new Rule("name", "arguments", null),
            "prompts/get", new Rule("name", "arguments", null),
            "resources/read", new Rule("uri", null, null),
            "resources/subscribe", new Rule("uri", null, null),
            "resources/unsubscribe", new Rule("uri", null, null),
            "logging/setLevel", new Rule("level", null, null),
            "completion/complete", new Rule(null, "ref", "argument"));

    private JsonRpcShape() {}

    /**
     * A message that passed the checks.
     *
     * @param tree the parsed message
     */
    public record Message(JsonNode tree) {
        /** The method, or {@code null} for a response. */
        public @Nullable String method() {
            JsonNode m = tree.get("method");
            return m == null ? null : m.asText();
        }

        /** For {@code tools/call}: the tool's name, else {@code null}. */
        public @Nullable String toolName() {
            if (!"tools/call".equals(method())) {
                return null;
            }
            return tree.get("params").get("name").asText();
        }

        /** Whether this is a request (it has an id and a method). */
        public boolean isRequest() {
            return tree.has("id") && tree.has("method");
        }
    }

    /**
     * The outcome: either a message or the reply that refuses it.
     *
     * @param message the message when it passed, else null
     * @param refusal the error reply when it did not, else null
     */
    public record Outcome(@Nullable Message message, @Nullable JsonRpcReply refusal) {}

    /** Parses and checks {@code body}. */
    public static Outcome check(byte[] body) {
        if (isBlank(body)) {
            return refuse(400, JsonRpcReply.PARSE_ERROR, "Parse error: the request body is empty; send one JSON-RPC "
                    + "message as a JSON object", null);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonParseException e) {
            return refuse(400, JsonRpcReply.PARSE_ERROR, "Parse error: the request body is not valid JSON (at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", null);
        } catch (JsonProcessingException e) {
            return refuse(400, JsonRpcReply.PARSE_ERROR, "Parse error: the request body is not valid JSON, or nests or "
                    + "numbers beyond this server's limits", null);
        } catch (IOException e) {
            return refuse(400, JsonRpcReply.PARSE_ERROR, "Parse error: the request body could not be read as JSON",
                    null);
        }
        if (tree == null || tree.isMissingNode()) {
            return refuse(400, JsonRpcReply.PARSE_ERROR, "Parse error: the request body is empty; send one JSON-RPC "
                    + "message as a JSON object", null);
        }
        if (tree.isArray()) {
            return refuse(400, JsonRpcReply.INVALID_REQUEST, "Invalid Request: JSON-RPC batches are not supported; "
                    + "send one message per POST", null);
        }
        if (!tree.isObject()) {
            return refuse(400, JsonRpcReply.INVALID_REQUEST, "Invalid Request: the body must be a JSON-RPC message "
                    + "object, got " + kind(tree), null);
        }
        JsonNode idNode = tree.get("id");
        JsonNode id = null;
        if (idNode != null) {
            String problem = idProblem(idNode);
            if (problem != null) {
                return refuse(400, JsonRpcReply.INVALID_REQUEST, "Invalid Request: " + problem, null);
            }
            id = idNode;
        }
        JsonNode version = tree.get("jsonrpc");
        if (version == null || !version.isTextual() || !version.asText().equals("2.0")) {
            return refuse(400, JsonRpcReply.INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"", id);
        }
        JsonNode method = tree.get("method");
        if (method == null) {
            boolean result = tree.has("result");
            boolean error = tree.has("error");
            if (id == null || result == error) {
                return refuse(400, JsonRpcReply.INVALID_REQUEST, "Invalid Request: a message needs a \"method\" "
                        + "(request or notification), or an \"id\" with exactly one of \"result\" and \"error\" "
                        + "(response)", id);
            }
            if (error && !tree.get("error").isObject()) {
                return refuse(400, JsonRpcReply.INVALID_REQUEST, "Invalid Request: \"error\" must be an object", id);
            }
            return new Outcome(new Message(tree), null);
        }
        if (!method.isTextual() || method.asText().isEmpty() || method.asText().length() > MAX_METHOD_CHARS) {
            return refuse(400, JsonRpcReply.INVALID_REQUEST, "Invalid Request: \"method\" must be a non-empty string "
                    + "of at most " + MAX_METHOD_CHARS + " characters", id);
        }
        int paramsStatus = id == null ? 400 : 200;
        JsonNode params = tree.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            return refuse(paramsStatus, JsonRpcReply.INVALID_PARAMS, "Invalid params: \"params\" must be an object, "
                    + "got " + kind(params), id);
        }
        if (params != null && params.isNull()) {
            return refuse(paramsStatus, JsonRpcReply.INVALID_PARAMS, "Invalid params: \"params\" must be an object or "
                    + "absent, got null", id);
        }
        Rule rule = RULES.get(method.asText());
        if (rule != null) {
            String problem = rule.problem(params);
            if (problem != null) {
                return refuse(paramsStatus, JsonRpcReply.INVALID_PARAMS, "Invalid params for " + method.asText() + ": "
                        + problem, id);
            }
        }
        if (params != null && params.has("cursor") && !params.get("cursor").isTextual()) {
            return refuse(paramsStatus, JsonRpcReply.INVALID_PARAMS, "Invalid params: \"cursor\" must be a string", id);
        }
        if (params != null && params.has("_meta") && !params.get("_meta").isObject()) {
            return refuse(paramsStatus, JsonRpcReply.INVALID_PARAMS, "Invalid params: \"_meta\" must be an object", id);
        }
        return new Outcome(new Message(tree), null);
    }

    private static @Nullable String idProblem(JsonNode id) {
        if (id.isTextual()) {
            return id.asText().length() > MAX_ID_CHARS ? "\"id\" must be at most " + MAX_ID_CHARS + " characters"
                    : null;
        }
        if (id.isIntegralNumber()) {
            return id.canConvertToLong() ? null : "\"id\" must be an integer that fits in 64 bits";
        }
        if (id.isNull()) {
            return "\"id\" must not be null in MCP; omit it for a notification";
        }
        return "\"id\" must be a string or an integer, got " + kind(id);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return "an object";
    }

    private static Outcome refuse(int status, int code, String message, @Nullable JsonNode id) {
        return new Outcome(null, new JsonRpcReply(status, code, message, id));
    }

    /** What a known method needs in its params. */
    private record Rule(@Nullable String requiredString, @Nullable String objectMember,
            @Nullable String otherObjectMember) {
        @Nullable
        String problem(@Nullable JsonNode params) {
            if (requiredString != null) {
                JsonNode v = params == null ? null : params.get(requiredString);
                if (v == null || !v.isTextual() || v.asText().isEmpty()) {
                    return "\"params." + requiredString + "\" must be a non-empty string";
                }
            }
            for (String member : new String[] {objectMember, otherObjectMember}) {
                if (member != null && params != null && params.has(member) && !params.get(member).isObject()) {
                    return "\"params." + member + "\" must be an object, got " + kind(params.get(member));
                }
            }
            return null;
        }
    }
}
