package io.tally.mcp.hitkeep;

import io.tally.core.Credentials;
import io.tally.hitkeep.HitKeep;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.CallerClients;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.ErrorTranslator;
import io.tally.mcp.tool.HelpTool;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.tool.PromptSpec;
import io.tally.mcp.tool.ProviderModule;
import io.tally.mcp.tool.ResourceSpec;
import io.tally.mcp.tool.ToolContext;
import io.tally.mcp.tool.ToolHandler;
import io.tally.mcp.tool.ToolSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * HitKeep over MCP: the tools of HitKeep's own MCP server (same names, parameters and output shapes, so
 * assistants and prompts written for it work unchanged), tools it lacks (breakdowns, hit search, goals, period
 * comparison, a realtime snapshot), server-side ingest behind {@code --allow-writes}, and the
 * {@code hitkeep://help/mcp} and {@code hitkeep://help/metrics} resources.
 *
 * <p>Every call goes through the Tally HitKeep SDK with a client derived from the caller's token
 * ({@link HitKeep#withToken(String)}), which shares the connection pool of the base client; the module never
 * talks to HitKeep's HTTP API by itself.
 */
public final class HitKeepModule implements ProviderModule {
    private final ModuleOptions options;
    private final DateWindow.Rules window;
    private final CallerClients<HitKeep> clients;
    private final List<ToolSpec> tools;
    private final List<ResourceSpec> resources;
    private final HitKeepErrors errors;

    private HitKeepModule(HitKeep base, ModuleOptions options) {
        this.options = options;
        this.window = HitKeepRules.window(options.maxRangeDays());
        Credentials credentials = base.options().credentials();
        this.clients = new CallerClients<>(HitKeepProvider.DISPLAY_NAME, HitKeepProvider.TOKEN_VARIABLE, List.of(),
                base,
                credentials.has(Credentials.Kind.BEARER) || credentials.has(Credentials.Kind.API_KEY),
                (client, caller) -> client.withToken(caller.token()));
        // a built client has a base URL
        this.errors = new HitKeepErrors(Objects.requireNonNull(base.options().baseUrl(), "baseUrl").toString());
        List<ToolSpec> all = new ArrayList<>();
        all.addAll(SiteTools.specs(this));
        all.addAll(EventTools.specs(this));
        all.addAll(CommerceTools.specs(this));
        all.addAll(WebVitalsTools.specs(this));
        all.addAll(AiVisibilityTools.specs(this));
        all.addAll(OpportunityTools.specs(this));
        all.addAll(SearchConsoleTools.specs(this));
        all.addAll(GoalTools.specs(this));
        all.addAll(QrTools.specs(this));
        if (options.allowWrites()) {
            all.addAll(IngestTools.specs(this));
        }
        String help = HitKeepHelp.mcpHelp(withHelpTool(all, null), options.allowWrites());
        all = withHelpTool(all, help);
        this.tools = Collections.unmodifiableList(all);
        this.resources = List.of(
                new ResourceSpec(HitKeepHelp.HELP_URI, "hitkeep-mcp-help", "HitKeep MCP help",
                        "How to use the HitKeep tools: access, date and filter rules, row limits, the tool list.",
                        "text/markdown", help),
                new ResourceSpec(HitKeepHelp.METRICS_URI, "hitkeep-metric-definitions", "HitKeep metric definitions",
                        "What each HitKeep metric means: pageviews, sessions, bounce rate, durations in seconds, "
                                + "live visitors, conversions, revenue, Web Vitals, AI fetches.",
                        "text/markdown", HitKeepHelp.METRICS));
    }

    /**
     * A module over a base client. Give the base client no token to serve callers with their own tokens (HTTP);
     * give it a token to serve one local user (stdio, or HTTP with a server-side token).
     */
    public static HitKeepModule create(HitKeep base, ModuleOptions options) {
        return new HitKeepModule(Objects.requireNonNull(base, "base"), Objects.requireNonNull(options, "options"));
    }

    private static List<ToolSpec> withHelpTool(List<ToolSpec> tools, @Nullable String help) {
        List<ToolSpec> out = new ArrayList<>(tools);
        out.add(HelpTool.spec("hitkeep_get_mcp_help", "Get HitKeep MCP help",
                "Read how to use these HitKeep tools: which token and site grants they need, the date and filter "
                        + "rules, row limits and truncation markers, and the list of tools. Call it when a tool "
                        + "result is unclear. Same text as the hitkeep://help/mcp resource. (HitKeep's documentation "
                        + "tools are not offered by this server: they need the internet.)",
                HitKeepHelp.HELP_URI, help));
        return out;
    }

    /**
     * The SDK client for this call: the base client with the caller's token, or the base client itself when it
     * carries a server-side token and the call has none (stdio).
     */
    HitKeep client(ToolContext context) {
        return clients.forCall(context);
    }

    ModuleOptions options() {
        return options;
    }

    Clock clock() {
        return options.clock();
    }

    /** The body of a tool that reads one site over a date window. */
    @FunctionalInterface
    interface SiteWindowBody {
        /** Runs the tool with {@code site_id} and the {@code from}/{@code to} window already read and checked. */
        Map<String, Object> call(ToolContext context, Arguments args, String siteId, DateWindow window);
    }

    /** A handler that reads {@code site_id} and the {@code from}/{@code to} window first, then runs {@code body}. */
    ToolHandler siteWindow(SiteWindowBody body) {
        return (ctx, args) -> {
            String siteId = args.requiredUuid("site_id");
            return body.call(ctx, args, siteId, window.resolve(args, options.clock()));
        };
    }

    /** HitKeep's window rules with the server's longest window. */
    DateWindow.Rules window() {
        return window;
    }

    @Override
    public String name() {
        return HitKeepProvider.NAME;
    }

    @Override
    public String displayName() {
        return HitKeepProvider.DISPLAY_NAME;
    }

    @Override
    public String instructions() {
        return "HitKeep web analytics, read through the caller's own API token. Start with hitkeep_list_sites to find "
                + "the site_id the token may read, then ask for what the question needs: hitkeep_get_site_overview "
                + "for KPIs and top lists, hitkeep_get_breakdown for one dimension, hitkeep_compare_periods for "
                + "period-over-period change, events, ecommerce, Web Vitals, AI visibility, goals and funnels, QR "
                + "campaigns and Search Console with their own tools. Dates are RFC 3339 (default: the last 30 days); "
                + "lists are cut to 'limit' and say so with truncated/total_rows. Metric definitions: "
                + HitKeepHelp.METRICS_URI + "; usage: " + HitKeepHelp.HELP_URI + ".";
    }

    @Override
    public List<ToolSpec> tools() {
        return tools;
    }

    @Override
    public List<ResourceSpec> resources() {
        return resources;
    }

    @Override
    public List<PromptSpec> prompts() {
        return HitKeepPrompts.all();
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return errors;
    }
}
