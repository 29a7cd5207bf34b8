package io.tally.mcp.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.mcp.TallyMcpServer;
import io.tally.mcp.TestSupport;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every malformed shape a client can POST, in stateless and stateful mode (with a live session): each answer has the
 * status the Streamable HTTP transport names, a JSON-RPC error object with the code the JSON-RPC specification
 * names, one line of message, and no stack trace, Java class name or 500.
 */
class MalformedFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = "Authorization: Bearer " + HitKeepDemo.TOKEN;
    private static final String JSON_CT = "Content-Type: application/json";
    private static final String ACCEPT = "Accept: application/json, text/event-stream";

    private static FakeHitKeep fake;
    private static TallyMcpServer stateless;
    private static TallyMcpServer stateful;
    private static String sessionId;

    /** One malformed request and the answer it must get. */
    record Case(String name, String body, String contentType, String accept, int status, int code, Object id) {}

    static List<Case> cases() {
        String tools = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        List<Case> c = new ArrayList<>();
        c.add(new Case("bad JSON", "{\"jsonrpc\":", JSON_CT, ACCEPT, 400, -32700, null));
        c.add(new Case("empty body", "", JSON_CT, ACCEPT, 400, -32700, null));
        c.add(new Case("blank body", "  \n ", JSON_CT, ACCEPT, 400, -32700, null));
        c.add(new Case("deep nesting", "[".repeat(5000) + "]".repeat(5000), JSON_CT, ACCEPT, 400, -32700, null));
        c.add(new Case("null", "null", JSON_CT, ACCEPT, 400, -32600, null));
        c.add(new Case("number", "42", JSON_CT, ACCEPT, 400, -32600, null));
        c.add(new Case("string", "\"hi\"", JSON_CT, ACCEPT, 400, -32600, null));
        c.add(new Case("batch", "[" + tools + "," + tools + "]", JSON_CT, ACCEPT, 400, -32600, null));
        c.add(new Case("empty batch", "[]", JSON_CT, ACCEPT, 400, -32600, null));
        c.add(new Case("no jsonrpc", "{\"id\":1,\"method\":\"tools/list\"}", JSON_CT, ACCEPT, 400, -32600, 1));
        c.add(new Case("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}", JSON_CT, ACCEPT, 400,
                -32600, 1));
        c.add(new Case("huge id",
                "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"tools/list\"}",
                JSON_CT, ACCEPT, 400, -32600, null));
        c.add(new Case("long string id",
                "{\"jsonrpc\":\"2.0\",\"id\":\"" + "x".repeat(5000) + "\",\"method\":\"tools/list\"}",
                JSON_CT, ACCEPT, 400, -32600, null));
        c.add(new Case("fraction id", "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"tools/list\"}", JSON_CT, ACCEPT,
                400,
                -32600, null));
        c.add(new Case("null id", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/list\"}", JSON_CT, ACCEPT, 400,
                -32600, null));
        c.add(new Case("object id", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/list\"}", JSON_CT, ACCEPT, 400,
                -32600, null));
        c.add(new Case("method not a string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", JSON_CT, ACCEPT, 400,
                -32600, 1));
        c.add(new Case("neither method nor result", "{\"jsonrpc\":\"2.0\",\"id\":1}", JSON_CT, ACCEPT, 400, -32600, 1));
        c.add(new Case("params a string", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":\"x\"}",
                JSON_CT, ACCEPT, 200, -32602, 7));
        c.add(new Case("params an array", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":[1]}",
                JSON_CT, ACCEPT, 200, -32602, 7));
        c.add(new Case("params null", "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":null}",
                JSON_CT, ACCEPT, 200, -32602, "a"));
        c.add(new Case("tools/call without name",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{}}",
                JSON_CT, ACCEPT, 200, -32602, 7));
        c.add(new Case("arguments a string", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"hitkeep_list_sites\",\"arguments\":\"x\"}}", JSON_CT, ACCEPT, 200, -32602, 7));
        c.add(new Case("cursor a number",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"cursor\":1}}",
                JSON_CT, ACCEPT, 200, -32602, 7));
        c.add(new Case("notification with bad params", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\","
                + "\"params\":3}", JSON_CT, ACCEPT, 400, -32602, null));
        c.add(new Case("no Accept", tools, JSON_CT, null, 406, -32600, null));
        c.add(new Case("Accept JSON only", tools, JSON_CT, "Accept: application/json", 406, -32600, null));
        c.add(new Case("Accept refuses SSE", tools, JSON_CT, "Accept: application/json, text/event-stream;q=0", 406,
                -32600, null));
        c.add(new Case("text/plain", tools, "Content-Type: text/plain", ACCEPT, 415, -32600, null));
        c.add(new Case("no Content-Type", tools, null, ACCEPT, 415, -32600, null));
        c.add(new Case("form", "a=b", "Content-Type: application/x-www-form-urlencoded", ACCEPT, 415, -32600, null));
        return c;
    }

    @BeforeAll
    static void start() throws Exception {
        fake = TestSupport.startFake();
        stateless = TestSupport.startServer(TestSupport.module(fake, false), TestSupport.settings(), null);
        stateful = TestSupport.startServer(TestSupport.module(fake, false), TestSupport.settings().withStateful(true),
                null);
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
        Raw.Response r = Raw.send(stateful.port(), "POST", "/mcp/hitkeep", List.of(AUTH, JSON_CT, ACCEPT), init);
        assertThat(r.status()).isEqualTo(200);
        sessionId = r.header("Mcp-Session-Id");
        assertThat(sessionId).isNotBlank();
    }

    @AfterAll
    static void stop() {
        stateless.close();
        stateful.close();
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyMalformedShapeGetsTheSpecifiedErrorAndNoJavaInternals(boolean withSession) throws Exception {
        TallyMcpServer server = withSession ? stateful : stateless;
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            List<String> headers = new ArrayList<>(List.of(AUTH));
            if (c.contentType() != null) {
                headers.add(c.contentType());
            }
            if (c.accept() != null) {
                headers.add(c.accept());
            }
            if (withSession) {
                headers.add("Mcp-Session-Id: " + sessionId);
            }
            Raw.Response r = Raw.send(server.port(), "POST", "/mcp/hitkeep", headers, c.body());
            String problem = problem(c, r);
            if (problem != null) {
                failures.add(c.name() + ": " + problem + " -> " + r.status() + " " + abbreviate(r.body()));
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unknownMethodIsMethodNotFoundAndWrongHttpMethodIs405(boolean withSession) throws Exception {
        TallyMcpServer server = withSession ? stateful : stateless;
        List<String> headers = new ArrayList<>(List.of(AUTH, JSON_CT, ACCEPT));
        if (withSession) {
            headers.add("Mcp-Session-Id: " + sessionId);
        }
        Raw.Response r = Raw.send(server.port(), "POST", "/mcp/hitkeep", headers,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope/nope\"}");
        assertThat(r.body()).contains("\"code\":-32601").doesNotContain("stackTrace").doesNotContain("io.");
        assertThat(r.status()).isLessThan(500);

        Raw.Response put = Raw.send(server.port(), "PUT", "/mcp/hitkeep", List.of(AUTH, JSON_CT), "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).contains("POST");
        assertClean(put.body());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eventStreamWithoutSseAcceptIs406OrRefusedCleanly(boolean withSession) throws Exception {
        TallyMcpServer server = withSession ? stateful : stateless;
        List<String> headers = new ArrayList<>(List.of(AUTH, "Accept: application/json"));
        if (withSession) {
            headers.add("Mcp-Session-Id: " + sessionId);
        }
        Raw.Response r = Raw.send(server.port(), "GET", "/mcp/hitkeep", headers, null);
        assertThat(r.status()).isEqualTo(withSession ? 406 : 405);
        assertClean(r.body());
    }

    private static String problem(Case c, Raw.Response r) {
        if (r.status() != c.status()) {
            return "status " + r.status() + ", expected " + c.status();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(r.body());
        } catch (Exception e) {
            return "body is not JSON";
        }
        if (!"2.0".equals(tree.path("jsonrpc").asText()) || !tree.has("id")) {
            return "not a JSON-RPC response";
        }
        if (tree.path("error").path("code").asInt() != c.code()) {
            return "code " + tree.path("error").path("code") + ", expected " + c.code();
        }
        Object id = c.id();
        JsonNode idNode = tree.get("id");
        if (id == null ? !idNode.isNull() : !idNode.asText().equals(String.valueOf(id))) {
            return "id " + idNode + ", expected " + id;
        }
        String message = tree.path("error").path("message").asText();
        if (message.isBlank() || message.contains("\n") || message.length() > 300) {
            return "message is not one line";
        }
        try {
            assertClean(r.body());
        } catch (AssertionError e) {
            return "leaks Java internals";
        }
        return null;
    }

    static void assertClean(String body) {
        assertThat(body).doesNotContain("stackTrace").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("io.modelcontextprotocol").doesNotContain("com.fasterxml").doesNotContain("java.")
                .doesNotContain("className");
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
