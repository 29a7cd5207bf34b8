package io.tally.mcp.alephant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.alephant.Alephant;
import io.tally.core.json.TallyJson;
import io.tally.mcp.tool.CallerCredentials;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.ErrorTranslator;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.PromptSpec;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ResourceSpec;
import io.tally.mcp.tool.ToolContext;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alephant over MCP: every tool of the official {@code @alephantai/mcp} 0.1.3 server with the same names,
 * parameters, modes and behaviour (composites with {@code _meta.partial}/{@code failedSteps}, cents in and dollars
 * on the wire, write tools only with {@code --allow-writes}, its four prompts), plus structured output with output
 * schemas and Streamable HTTP. The caller's credential decides the mode of each request: a {@code vk-} bearer gets
 * the VK-mode tools, a PAT with {@code X-Workspace-Id} the manager tools, a PAT without the header a 400.
 *
 * <p>All 30 tool names are listed whatever the mode (the MCP server lists one tool set per endpoint); a tool
 * called in the other mode answers with an error naming the credential it needs, as the official server would by
 * not offering it.
 */
public final class AlephantModule implements ProviderModule {
    static final ObjectMapper JSON = TallyJson.mapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    /** The credential mode of one call. */
    enum Mode {
        /** A {@code vk-} virtual key. */
        VK,
        /** A PAT (or JWT) with {@code X-Workspace-Id}. */
        MANAGER
    }

    /** One call's client and mode. */
    record Session(Alephant client, Mode mode, String workspaceId) {}

    private final Alephant base;
    private final CallerCredentials server;
    private final ModuleOptions options;
    private final List<ToolSpec> tools;
    private final AlephantErrors errors;

    private AlephantModule(Alephant base, CallerCredentials server, ModuleOptions options) {
        this.base = base;
        this.server = server;
        this.options = options;
        this.errors = new AlephantErrors(base.options().baseUrl().toString());
        List<ToolSpec> all = new ArrayList<>(AlephantTools.specs(this));
        if (options.allowWrites()) {
            all.addAll(AlephantWriteTools.specs(this));
        }
        this.tools = Collections.unmodifiableList(all);
    }

    /**
     * A module over a base client without credentials. {@code server} are the stdio (or server-side) credentials
     * used by calls that bring none; {@code null} for none.
     */
    public static AlephantModule create(Alephant base, CallerCredentials server, ModuleOptions options) {
        return new AlephantModule(Objects.requireNonNull(base, "base"), server, Objects.requireNonNull(options, "options"));
    }

    /** The client and mode of one call, from the caller's credential (or the server's). */
    Session session(ToolContext context) {
        CallerCredentials caller = context.caller().orElse(server);
        if (caller == null) {
            throw new ToolFailure("No Alephant credential for this call: send 'Authorization: Bearer vk-...' (VK mode) or "
                    + "'Authorization: Bearer <PAT>' with 'X-Workspace-Id: <workspace id>' (manager mode); over stdio set "
                    + "ALEPHANT_PAT (or a vk- key) and ALEPHANT_WORKSPACE_ID.");
        }
        String token = caller.token();
        if (token.startsWith("vk-")) {
            return new Session(base.withVirtualKey(token), Mode.VK, null);
        }
        String workspace = caller.header(AlephantProvider.WORKSPACE.name()).orElse(null);
        if (workspace == null) {
            throw new ToolFailure(refusal());
        }
        return new Session(base.withPat(token, workspace), Mode.MANAGER, workspace);
    }

    /** The session of a tool offered in one mode only. */
    Session session(ToolContext context, Mode needed, String tool) {
        Session s = session(context);
        if (s.mode() != needed) {
            throw new ToolFailure(tool + " is a " + (needed == Mode.VK ? "VK-mode tool: call it with a virtual key "
                    + "('Authorization: Bearer vk-...')" : "manager-mode tool: call it with a PAT and 'X-Workspace-Id'")
                    + "; this call uses a " + (s.mode() == Mode.VK ? "virtual key" : "PAT") + ".");
        }
        return s;
    }

    private static String refusal() {
        return "a PAT needs the workspace: send 'X-Workspace-Id: <your Alephant workspace id>' with it (manager mode), "
                + "or use a vk- virtual key as the bearer token (VK mode)";
    }

    @Override
    public String refuseCaller(String bearerToken, Map<String, String> headers) {
        if (bearerToken == null || bearerToken.startsWith("vk-")) {
            return null;
        }
        for (String name : headers.keySet()) {
            if (name.equalsIgnoreCase(AlephantProvider.WORKSPACE.name())) {
                return null;
            }
        }
        return refusal();
    }

    Clock clock() {
        return options.clock();
    }

    /** A backend payload as structured content: an object as is, anything else under {@code items}. */
    static Map<String, Object> content(JsonNode node) {
        if (node != null && node.isObject()) {
            return JSON.convertValue(node, MAP);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", node == null || node.isMissingNode() ? List.of() : JSON.convertValue(node, Object.class));
        return out;
    }

    /** A backend payload as a plain value (object, array, number...). */
    static Object value(JsonNode node) {
        return node == null || node.isMissingNode() ? null : JSON.convertValue(node, Object.class);
    }

    @Override
    public String name() {
        return AlephantProvider.NAME;
    }

    @Override
    public String displayName() {
        return AlephantProvider.DISPLAY_NAME;
    }

    @Override
    public String instructions() {
        return "Alephant AI-gateway spend and usage. The credential decides the mode: a vk- virtual key sees its own "
                + "scope, usage, costs, budget and recent requests (get_my_scope first: usage views are empty for a key "
                + "not bound to an agent or member); a PAT with X-Workspace-Id manages the workspace (overview, keys, "
                + "agents, members, departments, analytics, the composites diagnose_cost_anomaly, "
                + "get_executive_dashboard, drill_down_spend, find_idle_resources, compare_entity_periods). Money you "
                + "pass is in cents (budget_cents); Alephant's answers carry dollars (cost) or cents (...Cents fields). "
                + "Composite results set _meta.partial and list _meta.failedSteps when a sub-call failed."
                + (options.allowWrites() ? " Write tools change the workspace: get the user's explicit confirmation first."
                : " Write tools are off (start the server with --allow-writes).");
    }

    @Override
    public List<ToolSpec> tools() {
        return tools;
    }

    @Override
    public List<ResourceSpec> resources() {
        return List.of();
    }

    @Override
    public List<PromptSpec> prompts() {
        return AlephantPrompts.all();
    }

    @Override
    public List<CallerHeader> callerHeaders() {
        return List.of(AlephantProvider.WORKSPACE);
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return errors;
    }
}
