package io.tally.mcp.alephant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.alephant.Alephant;
import io.tally.core.json.TallyJson;
import io.tally.mcp.provider.CallerModes;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Alephant over MCP: every tool of the official {@code @alephantai/mcp} 0.1.3 server with the same names,
 * parameters, modes and behaviour (composites with {@code _meta.partial}/{@code failedSteps}, cents in and dollars
 * on the wire, write tools only with {@code --allow-writes}, its four prompts), plus structured output with output
 * schemas and Streamable HTTP. The caller's credential decides the mode of each request: a {@code vk-} bearer gets
 * the VK-mode tools, a PAT with {@code X-Workspace-Id} the manager tools, a PAT without the header a 400.
 *
 * <p>The module declares the official server's two modes ({@link CallerModes}): {@code tools/list} shows a
 * {@code vk-} caller the 8 VK-mode tools and a PAT caller the 27 manager-mode tools (23 without
 * {@code --allow-writes}); a tool of the other mode answers with an error naming the credential it needs, as the
 * official server would by not offering it. Every call is counted against {@code ALEPHANT_RATE_LIMIT_RPM}
 * ({@link CallBudget}).
 */
public final class AlephantModule implements ProviderModule, CallerModes {
    static final ObjectMapper JSON = TallyJson.mapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    /** The credential mode of one call. */
    enum Mode {
        /** A {@code vk-} virtual key. */
        VK,
        /** A PAT (or JWT) with {@code X-Workspace-Id}. */
        MANAGER
    }

    /** The tools of both modes. */
    static final List<String> SHARED_TOOLS = List.of("check_alephant_connection", "get_usage_summary",
            "get_daily_costs",
            "get_cost_by_model", "list_available_models");
    /** The tools of VK mode only. */
    static final List<String> VK_ONLY_TOOLS = List.of("get_my_scope", "get_my_budget", "get_my_recent_requests");
    /** The prompt of both modes; the other three are manager-mode prompts. */
    static final String SHARED_PROMPT = "cost_audit_report";
    /** The name of VK mode. */
    static final String VK_MODE = "VK";
    /** The name of manager mode. */
    static final String MANAGER_MODE = "manager";

    /**
     * One call's client and mode.
     *
     * @param caller the hash of the caller's token, the key of its {@link CallBudget}
     */
    record Session(Alephant client, Mode mode, @Nullable String workspaceId, String caller) {}

    private final Alephant base;
    private final @Nullable CallerCredentials server;
    private final ModuleOptions options;
    private final List<ToolSpec> tools;
    private final AlephantErrors errors;
    private final CallBudget budget;
    private final List<CallerModes.Mode> modes;

    private AlephantModule(Alephant base, @Nullable CallerCredentials server, ModuleOptions options,
            CallBudget budget) {
        this.base = base;
        this.server = server;
        this.options = options;
        this.budget = budget;
        // a built client has a base URL
        this.errors = new AlephantErrors(Objects.requireNonNull(base.options().baseUrl(), "baseUrl").toString());
        List<ToolSpec> all = new ArrayList<>(AlephantTools.specs(this));
        if (options.allowWrites()) {
            all.addAll(AlephantWriteTools.specs(this));
        }
        this.tools = Collections.unmodifiableList(all);
        Set<String> vk = new LinkedHashSet<>(SHARED_TOOLS);
        vk.addAll(VK_ONLY_TOOLS);
        Set<String> manager = new LinkedHashSet<>();
        for (ToolSpec t : tools) {
            if (!VK_ONLY_TOOLS.contains(t.name())) {
                manager.add(t.name());
            }
        }
        Set<String> prompts = new LinkedHashSet<>();
        AlephantPrompts.all().forEach(p -> prompts.add(p.name()));
        this.modes = List.of(
                new CallerModes.Mode(VK_MODE, "a vk- virtual key as the bearer token ('Authorization: Bearer vk-...')",
                        vk, Set.of(SHARED_PROMPT), vkInstructions()),
                new CallerModes.Mode(MANAGER_MODE, "a PAT (or user JWT) as the bearer token and 'X-Workspace-Id: "
                        + "<workspace id>'", manager, prompts, managerInstructions()));
        if (server != null) {
            // over stdio, a PAT without its workspace is a startup error, as in the official server
            try {
                modeOf(server);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ALEPHANT_PAT holds a PAT but ALEPHANT_WORKSPACE_ID is not set: set "
                        + "it to your workspace id (manager mode), or set ALEPHANT_PAT to a vk- virtual key (VK mode)");
            }
        }
    }

    /**
     * A module over a base client without credentials. {@code server} are the stdio (or server-side) credentials
     * used by calls that bring none; {@code null} for none. Calls are limited to the official default of 60 a minute
     * per credential.
     *
     * @throws IllegalArgumentException when {@code server} is a PAT without {@code X-Workspace-Id}
     */
    public static AlephantModule create(Alephant base, @Nullable CallerCredentials server, ModuleOptions options) {
        return create(base, server, options, CallBudget.standard());
    }

    /** {@link #create(Alephant, CallerCredentials, ModuleOptions)} with another {@code ALEPHANT_RATE_LIMIT_RPM}. */
    static AlephantModule create(Alephant base, @Nullable CallerCredentials server, ModuleOptions options,
            CallBudget budget) {
        return new AlephantModule(Objects.requireNonNull(base, "base"), server,
                Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(budget, "budget"));
    }

    @Override
    public List<CallerModes.Mode> modes() {
        return modes;
    }

    @Override
    public String modeOf(CallerCredentials caller) {
        if (caller.token().startsWith("vk-")) {
            return VK_MODE;
        }
        if (caller.header(AlephantProvider.WORKSPACE.name()).isEmpty()) {
            throw new IllegalArgumentException(refusal());
        }
        return MANAGER_MODE;
    }

    @Override
    public Optional<String> serverMode() {
        return server == null ? Optional.empty() : Optional.of(modeOf(server));
    }

    /** {@code ALEPHANT_RATE_LIMIT_RPM} of this module. */
    CallBudget budget() {
        return budget;
    }

    /** The client and mode of one call that makes one Alephant call, from the caller's credential (or the server's). */
    Session session(ToolContext context) {
        Session s = resolve(context);
        budget.charge(s.caller(), 1);
        return s;
    }

    /** The client and mode of a call, from the caller's credential (or the server's); nothing is counted. */
    private Session resolve(ToolContext context) {
        CallerCredentials caller = context.caller().orElse(server);
        if (caller == null) {
            throw new ToolFailure(
                    "No Alephant credential for this call: send 'Authorization: Bearer vk-...' (VK mode) or "
                            + "'Authorization: Bearer <PAT>' with 'X-Workspace-Id: <workspace id>' (manager mode); over stdio set "
                            + "ALEPHANT_PAT (or a vk- key) and ALEPHANT_WORKSPACE_ID.");
        }
        String token = caller.token();
        String hash = caller.callerToken().hash();
        if (token.startsWith("vk-")) {
            return new Session(base.withVirtualKey(token), Mode.VK, null, hash);
        }
        String workspace = caller.header(AlephantProvider.WORKSPACE.name()).orElse(null);
        if (workspace == null) {
            throw new ToolFailure(refusal());
        }
        return new Session(base.withPat(token, workspace), Mode.MANAGER, workspace, hash);
    }

    /** The session of a tool offered in one mode only, that makes one Alephant call. */
    Session session(ToolContext context, Mode needed, String tool) {
        Session s = modal(context, needed, tool);
        budget.charge(s.caller(), 1);
        return s;
    }

    /** The session of a manager-mode composite: its {@link AlephantTools.Steps} count their sub-calls. */
    Session composite(ToolContext context, String tool) {
        return modal(context, Mode.MANAGER, tool);
    }

    /** Steps of a composite call, counted against the caller's budget when they start. */
    AlephantTools.Steps steps(Session session) {
        return new AlephantTools.Steps(calls -> budget.charge(session.caller(), calls));
    }

    private Session modal(ToolContext context, Mode needed, String tool) {
        Session s = resolve(context);
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
    public @Nullable String refuseCaller(@Nullable String bearerToken, Map<String, String> headers) {
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
    static Map<String, Object> content(@Nullable JsonNode node) {
        if (node != null && node.isObject()) {
            return JSON.convertValue(node, MAP);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", node == null || node.isMissingNode() ? List.of() : JSON.convertValue(node, Object.class));
        return out;
    }

    /** A backend payload as a plain value (object, array, number...). */
    static @Nullable Object value(@Nullable JsonNode node) {
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
                + "get_executive_dashboard, drill_down_spend, find_idle_resources, compare_entity_periods). "
                + MONEY + writes();
    }

    private static final String MONEY = "Money you pass is in cents (budget_cents); Alephant's answers carry dollars "
            + "(cost) or cents (...Cents fields).";

    private String writes() {
        return options.allowWrites() ? " Write tools change the workspace: get the user's explicit confirmation first."
                : " Write tools are off (start the server with --allow-writes).";
    }

    private String vkInstructions() {
        return "Alephant AI-gateway spend and usage, VK mode: this virtual key's own scope, usage, costs, budget and "
                + "recent requests. Call get_my_scope first: usage views are empty for a key not bound to an agent or "
                + "member. Workspace tools need a PAT with X-Workspace-Id instead of the key. " + MONEY;
    }

    private String managerInstructions() {
        return "Alephant AI-gateway spend and usage, manager mode: the workspace's overview, virtual keys, agents, "
                + "members, departments, analytics, and the composites diagnose_cost_anomaly, get_executive_dashboard, "
                + "drill_down_spend, find_idle_resources and compare_entity_periods (their results set _meta.partial "
                + "and list _meta.failedSteps when a sub-call failed). " + MONEY + writes();
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
