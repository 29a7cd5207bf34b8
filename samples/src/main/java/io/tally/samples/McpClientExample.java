package io.tally.samples;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Talks to the Tally MCP server the way an assistant does: initialize, list the tools, call two of
 * them. Start the server first, e.g. with demo data:
 *
 * <pre>
 * java -jar mcp-server/target/tally-mcp-server.jar --demo
 * mvn -q -pl samples exec:java -Dexec.mainClass=io.tally.samples.McpClientExample
 * </pre>
 *
 * {@code TALLY_MCP_URL} points it elsewhere (default {@code http://127.0.0.1:8080/mcp/hitkeep});
 * {@code HITKEEP_API_TOKEN}, when set, is sent as the caller's own token (the demo needs none).
 */
public final class McpClientExample {
    private McpClientExample() {}

    public static void main(String[] args) {
        URI endpoint = URI.create(env("TALLY_MCP_URL", "http://127.0.0.1:8080/mcp/hitkeep"));
        String token = System.getenv("HITKEEP_API_TOKEN");

        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null && !token.trim().isEmpty()) {
            request.header("Authorization", "Bearer " + token.trim());
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder(endpoint.getScheme() + "://" + endpoint.getAuthority())
                .endpoint(endpoint.getPath())
                .requestBuilder(request)
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .clientInfo(McpSchema.Implementation.builder("tally-sample", "1").build())
                .build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            System.out.println("Connected to " + init.serverInfo().name() + " " + init.serverInfo().version()
                    + " at " + endpoint);

            List<McpSchema.Tool> tools = client.listTools().tools();
            System.out.println("\n" + tools.size() + " tools:");
            for (McpSchema.Tool tool : tools) {
                System.out.println("  " + tool.name());
            }

            McpSchema.CallToolResult sites = call(client, "hitkeep_list_sites", Collections.<String, Object>emptyMap());
            System.out.println("\nhitkeep_list_sites -> " + sites.structuredContent());
            String siteId = firstSiteId(sites.structuredContent());
            if (siteId != null) {
                McpSchema.CallToolResult pages = call(client, "hitkeep_get_breakdown",
                        Map.<String, Object>of("site_id", siteId, "dimension", "page", "limit", 5));
                System.out.println("\nhitkeep_get_breakdown (top 5 pages) -> " + pages.structuredContent());
            }
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("Could not talk to " + endpoint + ": " + e.getMessage()
                    + "\nIs the server running? java -jar mcp-server/target/tally-mcp-server.jar --demo");
            System.exit(1);
        } finally {
            client.closeGracefully();
        }
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client
                .callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException(
                    tool + " failed: " + ((McpSchema.TextContent) result.content().get(0)).text());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static String firstSiteId(Object structured) {
        if (!(structured instanceof Map)) {
            return null;
        }
        Object sites = ((Map<String, Object>) structured).get("sites");
        if (!(sites instanceof List) || ((List<?>) sites).isEmpty()) {
            return null;
        }
        Object first = ((List<?>) sites).get(0);
        return first instanceof Map ? String.valueOf(((Map<String, Object>) first).get("id")) : null;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.trim().isEmpty() ? fallback : v.trim();
    }
}
