package io.tally.mcp.alephant;

import static io.tally.mcp.alephant.AlephantModule.content;

import io.tally.alephant.BudgetAction;
import io.tally.alephant.ExceededAction;
import io.tally.alephant.model.Money;
import io.tally.mcp.alephant.AlephantModule.Mode;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolContext;
import io.tally.mcp.tool.ToolHandler;
import io.tally.mcp.tool.ToolHints;
import io.tally.mcp.tool.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The official server's write tools (manager mode, only with {@code --allow-writes}): amounts in cents, sent to
 * Alephant in dollars; annotated as the official server annotates them.
 */
final class AlephantWriteTools {
    private static final String CONFIRM = " Changes the workspace: obtain the user's explicit confirmation before calling.";

    private AlephantWriteTools() {}

    /** A write handler with its annotations. */
    private record Write(ToolHandler body, boolean idempotent, boolean destructive) implements ToolHandler, ToolHints {
        @Override
        public Map<String, Object> call(ToolContext context, Arguments arguments) {
            return body.call(context, arguments);
        }
    }

    private static ToolSpec write(String name, String description, Schema input, Schema output, boolean idempotent,
            boolean destructive, ToolHandler handler) {
        return new ToolSpec(name, AlephantTools.title(name), description + CONFIRM, input.closed().build(),
                output.build(),
                false, new Write(handler, idempotent, destructive));
    }

    static long cents(Arguments args) {
        long cents = args.optionalLong("budget_cents").orElseThrow(
                () -> new IllegalArgumentException("budget_cents is required: a whole number of cents, 0 or more"));
        if (cents < 0) {
            throw new IllegalArgumentException("budget_cents must be 0 or more, got " + cents);
        }
        return cents;
    }

    static List<ToolSpec> specs(AlephantModule m) {
        Schema budget = Schema.integer("Budget in cents, 0 or more (sent to Alephant in dollars).").minimum(0);
        Schema action = Schema.enumeration("alert_only or block", "alert_only", "block");
        return List.of(
                write("create_virtual_key", "Creates a virtual key on a master key with a budget and a rate limit; the "
                        + "answer may contain the vk- secret once. Manager mode.",
                        Schema.object().property("label", Schema.string("1-100 characters."))
                                .property("master_key_id", Schema.string("The master key (UUID).").format("uuid"))
                                .property("budget_cents", budget)
                                .property("rate_limit_rpm",
                                        Schema.integer("Requests per minute, 1-10000.").minimum(1).maximum(10000))
                                .required("label", "master_key_id", "budget_cents", "rate_limit_rpm"),
                        Schema.object("The created key as Alephant returns it."), false, false,
                        (ctx, args) -> {
                            int rpm = AlephantTools.intArg(args, "rate_limit_rpm", 0, 1, 10000);
                            return content(m.session(ctx, Mode.MANAGER, "create_virtual_key").client().virtualKeys()
                                    .create(args.requiredString("label"), args.requiredUuid("master_key_id"),
                                            Money.ofCents(cents(args)), rpm)
                                    .execute().json());
                        }),
                write("update_key_budget",
                        "Sets a virtual key's budget and what happens when it is exceeded. Manager mode.",
                        Schema.object().property("key_id", Schema.string("The virtual key (UUID).").format("uuid"))
                                .property("budget_cents", budget).property("budget_action", action)
                                .required("key_id", "budget_cents", "budget_action"),
                        Schema.object("The updated key as Alephant returns it."), true, false,
                        (ctx, args) -> {
                            String a = args.optionalChoice("budget_action", List.of("alert_only", "block"),
                                    "budget_action '%s' is not supported")
                                    .orElseThrow(() -> new IllegalArgumentException(
                                            "budget_action is required: alert_only or block"));
                            return content(m.session(ctx, Mode.MANAGER, "update_key_budget").client().virtualKeys()
                                    .updateBudget(args.requiredUuid("key_id"), Money.ofCents(cents(args)),
                                            a.equals("block") ? BudgetAction.BLOCK : BudgetAction.ALERT_ONLY)
                                    .execute().json());
                        }),
                write("revoke_virtual_key",
                        "Revokes a virtual key: requests with it fail from now on. Cannot be undone. "
                                + "Manager mode.",
                        Schema.object().property("key_id", Schema.string("The virtual key (UUID).").format("uuid"))
                                .required("key_id"),
                        Schema.object().property("revoked", Schema.bool("true")).property("keyId",
                                Schema.string("The key.")),
                        true, true,
                        (ctx, args) -> {
                            String id = args.requiredUuid("key_id");
                            m.session(ctx, Mode.MANAGER, "revoke_virtual_key").client().virtualKeys().revoke(id)
                                    .execute();
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("revoked", true);
                            out.put("keyId", id);
                            return out;
                        }),
                write("set_budget_policy",
                        "Sets the workspace budget and the exceeded action (block pauses traffic), keeping "
                                + "the rest of the policy (defaults: monthly, thresholds 50/75/90/100, USD); retried once "
                                + "after re-reading on a concurrent update (409). Manager mode.",
                        Schema.object().property("budget_cents", budget).property("action", action)
                                .required("budget_cents", "action"),
                        Schema.object(
                                "The policy as Alephant returns it: {config: {amount (dollars), exceededAction, period, "
                                        + "thresholds, currency}}."),
                        true, false,
                        (ctx, args) -> {
                            String a = args.optionalChoice("action", List.of("alert_only", "block"),
                                    "action '%s' is not supported").orElseThrow(
                                            () -> new IllegalArgumentException(
                                                    "action is required: alert_only or block"));
                            return content(m.session(ctx, Mode.MANAGER, "set_budget_policy").client().billing()
                                    .setBudget(Money.ofCents(cents(args)), a.equals("block") ? ExceededAction.PAUSE
                                            : ExceededAction.ALERT_ONLY)
                                    .json());
                        }));
    }
}
