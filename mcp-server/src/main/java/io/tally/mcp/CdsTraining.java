package io.tally.mcp;

import io.tally.core.Environment;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run behind the launcher's class-data-sharing archive ({@code bin/tally-mcp-server}): starts the
 * server with {@code --demo} on a free loopback port, sends each provider's endpoint what a client sends first
 * ({@code initialize}, {@code tools/list}, one {@code tools/call}) and exits, so that the JVM (started with
 * {@code -XX:ArchiveClassesAtExit}) archives every class a real start and first call load. Later starts map that
 * archive instead of loading and verifying the classes again.
 */
final class CdsTraining {
    private static final Pattern ENDPOINT = Pattern.compile("^  (\\S+): (http://\\S+) ", Pattern.MULTILINE);

    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
        Thread server = new Thread(() -> Main.run(new String[] {"--demo", "--port", "0"}, Environment.system(),
                InputStream.nullInputStream(), out, System.err), "cds-training-server");
        server.setDaemon(true);
        server.start();
        List<String> endpoints = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (endpoints.isEmpty() && System.nanoTime() < until && server.isAlive()) {
            Thread.sleep(20); // waits for another thread's banner; the training run is not a test
            Matcher m = ENDPOINT.matcher(banner.toString(StandardCharsets.UTF_8));
            while (m.find()) {
                endpoints.add(m.group(2));
            }
        }
        if (endpoints.isEmpty()) {
            System.err.println("tally-mcp-server: the CDS training run could not start the demo server");
            System.exit(1);
        }
        HttpClient http = HttpClient.newHttpClient();
        for (String endpoint : endpoints) {
            post(http, endpoint, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"cds-training\",\"version\":\"1\"}}}");
            String tools = post(http, endpoint, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            Matcher name = Pattern.compile("\"name\"\\s*:\\s*\"([a-z0-9_]+_list_[a-z0-9_]+)\"").matcher(tools);
            if (name.find()) {
                post(http, endpoint, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\""
                        + name.group(1) + "\",\"arguments\":{}}}");
            }
        }
        System.exit(0);
    }

    private static String post(HttpClient http, String endpoint, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
