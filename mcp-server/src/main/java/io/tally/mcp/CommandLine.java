package io.tally.mcp;

import io.tally.core.Environment;
import io.tally.mcp.http.GuardSettings;
import io.tally.mcp.http.OriginPolicy;
import io.tally.mcp.ops.GuardOptions;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderCommand;
import io.tally.mcp.provider.ProviderRegistry;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.ModuleOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The server's options, from flags and their environment-variable twins (a flag wins over its variable).
 * Tokens are read from the environment only, so they never show in a process list. Each provider's flags and
 * variables come from its registration ({@link McpProvider}); nothing here names a provider.
 *
 * <p>picocli parses the flags and writes {@code --help}, from one programmatic {@link CommandSpec} (no annotations,
 * so no reflection at startup): the common flags of {@link #COMMON}, each registered provider's base-URL flags and
 * the limit flags of {@link GuardOptions}. Values stay strings for picocli; each is checked here with a message that
 * names the flag or variable it came from.
 */
final class CommandLine {
    final ProviderRegistry registry;
    boolean help;
    boolean version;
    boolean stdio;
    boolean demo;
    boolean stateful;
    boolean allowWrites;
    boolean tokenFromEnv;
    /** A provider's one-shot command flag (e.g. {@code --audit}), run instead of serving; null to serve. */
    @Nullable
    String command;
    List<String> providers = new ArrayList<>();
    /** Each provider's base URL, by provider name, from its flags or variable. */
    final Map<String, String> baseUrls = new LinkedHashMap<>();
    String bind = HttpSettings.DEFAULT_BIND;
    int port = HttpSettings.DEFAULT_PORT;
    List<String> allowedOrigins = new ArrayList<>();
    List<String> allowedHosts = new ArrayList<>();
    long maxBodyBytes = HttpSettings.DEFAULT_MAX_BODY_BYTES;
    int rateLimitPerMinute = HttpSettings.DEFAULT_RATE_PER_MINUTE;
    int rateLimitBurst = HttpSettings.DEFAULT_RATE_BURST;
    int maxRangeDays = ModuleOptions.DEFAULT_MAX_RANGE_DAYS;
    int backendPoolIdle = io.tally.mcp.provider.BackendHttp.DEFAULT_MAX_IDLE;
    String logLevel = "info";
    /** Whether --bind (or its variable) was given, to tell "default loopback" from an explicit choice. */
    boolean bindGiven;
    /** Limits against slow, flooding or made-up callers, upstream budget, shutdown grace (see GuardOptions). */
    GuardSettings guard = GuardSettings.defaults();
    /** The providers named by {@code --provider} flags; when any, they replace {@code TALLY_MCP_PROVIDER}'s. */
    private final List<String> providersFromFlags = new ArrayList<>();

    private CommandLine(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** Where a flag is listed in {@code --help}. */
    private enum Section {
        MODES, OPTIONS
    }

    /** How a flag takes its value. */
    private enum Kind {
        /** No value; its variable is true or false. */
        SWITCH,
        /** One value; the last one given wins. */
        VALUE,
        /** Repeatable, each use adding a value; its variable holds a comma-separated list. */
        REPEATABLE
    }

    /** Applies one value of a flag or variable; {@code name} is the flag or variable, for messages. */
    @FunctionalInterface
    private interface Setter {
        void set(CommandLine c, String name, String value);
    }

    /**
     * A flag every server has: its names (the first is listed, the others are aliases), value label, variable,
     * {@code --help} text and what a value does. {@code --help} and {@code --version} have no variable.
     */
    private record Common(Section section, Kind kind, List<String> names, String label, @Nullable String variable,
            String description, Setter setter) {
        static Common modeSwitch(String name, String variable, String description, Setter setter) {
            return new Common(Section.MODES, Kind.SWITCH, List.of(name), "", variable, description, setter);
        }

        static Common option(Kind kind, String name, String label, String variable, String description,
                Setter setter) {
            return new Common(Section.OPTIONS, kind, List.of(name), label, variable, description, setter);
        }
    }

    /** The flags every server has, in the order {@code --help} lists them and their variables are read. */
    private static final List<Common> COMMON = List.of(
            Common.modeSwitch("--stdio", "TALLY_MCP_STDIO", "One provider over stdin/stdout, for desktop assistants "
                    + "(the one --provider names, else the first listed below); the token comes from the environment "
                    + "(the provider's token variable, below); logs go to stderr.", (c, n, v) -> c.stdio = true),
            Common.modeSwitch("--demo", "TALLY_MCP_DEMO", "Every implemented provider backed by in-process fakes with "
                    + "demo data: no account and no token needed (requests without a token use the demo token). "
                    + "Loopback only. Combine with --stdio for a desktop assistant.", (c, n, v) -> c.demo = true),
            Common.option(Kind.REPEATABLE, "--provider", "NAME", "TALLY_MCP_PROVIDER", "Provider(s) to serve, "
                    + "comma-separated (default: those whose URL is given; all with --demo).",
                    (c, n, v) -> (n.startsWith("--") ? c.providersFromFlags : c.providers).addAll(splitList(v))),
            Common.option(Kind.VALUE, "--port", "N", "TALLY_MCP_PORT", "HTTP port, default 8080; 0 picks a free one.",
                    (c, n, v) -> c.port = parseInt(n, v, 0, 65535)),
            Common.option(Kind.VALUE, "--bind", "ADDR", "TALLY_MCP_BIND", "Address to listen on, default 127.0.0.1 "
                    + "(loopback).", (c, n, v) -> {
                        c.bind = v.trim();
                        c.bindGiven = true;
                    }),
            Common.option(Kind.SWITCH, "--stateful", "", "TALLY_MCP_STATEFUL", "Sessions (Mcp-Session-Id), each bound "
                    + "to the token that opened it; another token presenting it gets 403. Default: stateless.",
                    (c, n, v) -> c.stateful = true),
            Common.option(Kind.SWITCH, "--allow-writes", "", "TALLY_MCP_ALLOW_WRITES", "Register the write tools (off "
                    + "by default: tools only read).", (c, n, v) -> c.allowWrites = true),
            Common.option(Kind.SWITCH, "--token-from-env", "", "TALLY_MCP_TOKEN_FROM_ENV", "Use each provider's token "
                    + "variable for HTTP requests that bring no token. Local use only: whoever reaches the port acts "
                    + "with this token.", (c, n, v) -> c.tokenFromEnv = true),
            Common.option(Kind.REPEATABLE, "--allowed-origin", "O", "TALLY_MCP_ALLOWED_ORIGINS", "A browser Origin to "
                    + "accept besides the loopback ones; repeatable; '*' for all.",
                    (c, n, v) -> c.allowedOrigins.add(v.trim())),
            Common.option(Kind.REPEATABLE, "--allowed-host", "H", "TALLY_MCP_ALLOWED_HOSTS", "A Host name to accept "
                    + "besides the loopback ones (behind a proxy, or bound to a public address); repeatable.",
                    (c, n, v) -> c.allowedHosts.add(v.trim())),
            Common.option(Kind.VALUE, "--max-body-bytes", "N", "TALLY_MCP_MAX_BODY_BYTES", "Largest request body, "
                    + "default 1048576 (413 above).", (c, n, v) -> c.maxBodyBytes = parseLong(n, v)),
            Common.option(Kind.VALUE, "--rate-limit", "N", "TALLY_MCP_RATE_LIMIT", "Requests a minute per token, "
                    + "default 300 (429 above).",
                    (c, n, v) -> c.rateLimitPerMinute = parseInt(n, v, 1,
                            Integer.MAX_VALUE)),
            Common.option(Kind.VALUE, "--rate-burst", "N", "TALLY_MCP_RATE_BURST", "Requests a token may send at once, "
                    + "default 60.", (c, n, v) -> c.rateLimitBurst = parseInt(n, v, 1, Integer.MAX_VALUE)),
            Common.option(Kind.VALUE, "--max-range-days", "N", "TALLY_MCP_MAX_RANGE_DAYS", "Longest date window a tool "
                    + "accepts, default 366.", (c, n, v) -> c.maxRangeDays = parseInt(n, v, 1, 100_000)),
            Common.option(Kind.VALUE, "--backend-pool", "N", "TALLY_MCP_BACKEND_POOL", "Idle connections kept to the "
                    + "provider APIs, default 64.", (c, n, v) -> c.backendPoolIdle = parseInt(n, v, 1, 10_000)),
            Common.option(Kind.VALUE, "--log-level", "LEVEL", "TALLY_MCP_LOG_LEVEL", "error, warn, info (default) or "
                    + "debug (adds the access log, one line per tool call).", (c, n, v) -> c.logLevel = logLevel(n, v)),
            new Common(Section.OPTIONS, Kind.SWITCH, List.of("--help", "-h"), "", null, "This text.",
                    (c, n, v) -> c.help = true),
            new Common(Section.OPTIONS, Kind.SWITCH, List.of("--version"), "", null, "The server's version.",
                    (c, n, v) -> c.version = true));

    /**
     * {@code --help} for the standard providers, written when first read: writing it loads picocli's help classes
     * and the JDK's line-break rules, which a server that is not asked for help should not pay for at startup.
     */
    static final CharSequence HELP = new WrittenWhenRead(() -> help(ProviderRegistry.discovered()));

    /** Width of {@code --help}'s lines. */
    private static final int HELP_WIDTH = 110;
    /** Width of {@code --help}'s flag column (a longer flag pushes its description to the next line). */
    private static final int FLAG_COLUMN = 28;

    /** {@code --help}: the common options, then each provider's flags and variables, then the limits. */
    static String help(ProviderRegistry registry) {
        CommandSpec spec = spec(registry);
        UsageMessageSpec usage = spec.usageMessage();
        usage.width(HELP_WIDTH).autoWidth(false);
        List<McpProvider> all = registry.providers();
        McpProvider first = all.isEmpty() ? null : all.get(0);
        String example = first == null ? "" : " --provider " + first.name() + " " + first.baseUrlFlags().get(0) + " "
                + first.exampleBaseUrl();
        String firstToken = first == null ? "TOKEN" : first.tokenVariable();
        Map<String, picocli.CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>();
        sections.put("header", h -> "Tally MCP server: Streamable HTTP and stdio MCP for analytics APIs.\n\n");
        sections.put("usage", h -> "Usage:\n"
                + "  java -jar tally-mcp-server.jar --demo\n"
                + "  java -jar tally-mcp-server.jar" + example + "\n"
                + "  " + firstToken + "=... java -jar tally-mcp-server.jar --stdio \\\n     " + example + "\n\n");
        sections.put("modes", h -> "Modes:\n" + table(h, 2, Collections.singletonList(new String[] {"(default)",
                "Streamable HTTP at http://BIND:PORT/mcp/<provider> (also /<provider>/mcp, and /mcp when one provider is "
                        + "served). Every request carries its caller's own token, 'Authorization: Bearer <token>', "
                        + "used for that request only; a request without one gets 401."}),
                options(h, Section.MODES)));
        sections.put("options", h -> "\nOptions (each flag's environment variable in brackets; a flag wins over its "
                + "variable):\n" + table(h, 2, options(h, Section.OPTIONS)));
        sections.put("providers", h -> "\n" + paragraph(h, 0, "Providers (" + String.join(", ", registry.names())
                + "; tokens come from the environment only, so they stay out of process lists; logs show only a short "
                + "hash):") + providers(h, registry));
        sections.put("limits", h -> "\nLimits (each flag's environment variable in brackets):\n"
                + table(h, 2, limitRows(h)));
        sections.put("security", h -> "\nSecurity:\n" + paragraph(h, 2, "Host and Origin headers are checked against "
                + "DNS rebinding: bound to loopback, only localhost, 127.0.0.1 and [::1] are accepted (403 otherwise). "
                + "Bodies over the limit get 413, callers over their rate 429 with Retry-After. Tools only read unless "
                + "--allow-writes."));
        usage.sectionKeys(List.copyOf(sections.keySet()));
        usage.sectionMap(sections);
        return new picocli.CommandLine(spec).getUsageMessage(Ansi.OFF);
    }

    /**
     * The flags as picocli sees them: the common ones, each provider's base-URL flags (the provider is the option's
     * user object) and the limit flags. Values are strings; {@link #apply} checks them.
     */
    private static CommandSpec spec(ProviderRegistry registry) {
        CommandSpec spec = CommandSpec.create().name("tally-mcp-server");
        for (Common flag : COMMON) {
            OptionSpec.Builder b = OptionSpec.builder(flag.names().toArray(new String[0]))
                    .description(describe(flag.description(), flag.variable(), flag.kind()))
                    .userObject(flag);
            if (flag.names().get(0).equals("--help")) {
                b.usageHelp(true);
            } else if (flag.names().get(0).equals("--version")) {
                b.versionHelp(true);
            }
            spec.addOption(valued(b, flag.kind(), flag.label()).build());
        }
        for (McpProvider p : registry.providers()) {
            List<String> flags = p.baseUrlFlags();
            List<String> description = new ArrayList<>();
            description.add("The " + p.displayName() + " instance's URL. [" + p.baseUrlVariable() + "]");
            if (flags.size() > 1) {
                description.add("(alias " + String.join(", ", flags.subList(1, flags.size())) + ")");
            }
            spec.addOption(valued(OptionSpec.builder(flags.toArray(new String[0])), Kind.VALUE, "URL")
                    .description(description.toArray(new String[0])).userObject(p).build());
            for (ProviderCommand command : p.commands()) {
                spec.addOption(valued(OptionSpec.builder(command.flag()), Kind.SWITCH, null)
                        .description(command.description() + " Runs once with the credentials of --stdio, then exits.")
                        .userObject(command).build());
            }
        }
        for (String flag : GuardOptions.flags()) {
            spec.addOption(valued(OptionSpec.builder(flag), Kind.VALUE, "N")
                    .description(describe(GuardOptions.description(flag), GuardOptions.variable(flag), Kind.VALUE))
                    .userObject(GuardOptions.class).build());
        }
        spec.parser()
                .overwrittenOptionsAllowed(true) // the last --port wins, as it always did
                .expandAtFiles(false) // '@file' is not an option of this server
                .unmatchedOptionsAllowedAsOptionParameters(false) // '--port --nope': --port needs a value
                .posixClusteredShortOptionsAllowed(false);
        return spec;
    }

    private static OptionSpec.Builder valued(OptionSpec.Builder b, Kind kind, @Nullable String label) {
        return switch (kind) {
            case SWITCH -> b.arity("0").type(boolean.class);
            case VALUE -> b.arity("1").type(String.class).paramLabel(label);
            case REPEATABLE -> b.arity("1").type(List.class).auxiliaryTypes(String.class).paramLabel(label);
        };
    }

    private static String describe(String description, @Nullable String variable, Kind kind) {
        if (variable == null) {
            return description;
        }
        String suffix = kind == Kind.SWITCH ? "=true" : kind == Kind.REPEATABLE ? ", comma-separated" : "";
        return (description.isEmpty() ? "" : description + " ") + "[" + variable + suffix + "]";
    }

    /** The rows of one section's flags: the first name and the value label, then the description. */
    private static List<String[]> options(Help help, Section section) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec option : help.commandSpec().options()) {
            if (option.userObject() instanceof Common flag && flag.section() == section) {
                rows.addAll(rows(option, flag.names().size() > 1 ? String.join(", ", flag.names()) : null));
            }
        }
        return rows;
    }

    private static List<String[]> limitRows(Help help) {
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec option : help.commandSpec().options()) {
            if (option.userObject() == GuardOptions.class) {
                rows.addAll(rows(option, null));
            }
        }
        return rows;
    }

    /** An option's rows: its first description line beside the flag, the others below. */
    private static List<String[]> rows(OptionSpec option, @Nullable String names) {
        String flag = names != null ? names : option.names()[0];
        String left = option.arity().max() == 0 ? flag : flag + " " + option.paramLabel();
        List<String[]> rows = new ArrayList<>();
        String[] description = option.description();
        for (int i = 0; i < Math.max(1, description.length); i++) {
            rows.add(new String[] {i == 0 ? left : "", i < description.length ? description[i] : ""});
        }
        return rows;
    }

    private static String providers(Help help, ProviderRegistry registry) {
        StringBuilder out = new StringBuilder();
        for (McpProvider p : registry.providers()) {
            out.append("  ").append(p.name()).append(" (").append(p.displayName()).append(")\n");
            List<String[]> rows = new ArrayList<>();
            for (OptionSpec option : help.commandSpec().options()) {
                if (option.userObject() == p || p.commands().contains(option.userObject())) {
                    rows.addAll(rows(option, null));
                }
            }
            rows.add(new String[] {p.tokenVariable(), "The " + p.displayName() + " API token for --stdio and "
                    + "--token-from-env (environment only)."});
            for (CallerHeader h : p.callerHeaders()) {
                rows.add(new String[] {"header " + h.name(), "Callers send " + h.description() + " as '" + h.name()
                        + ": <value>'" + (h.required() ? " (required)" : "") + ". [" + h.variable() + "]"});
            }
            out.append(table(help, 4, rows));
        }
        return out.toString();
    }

    /** Rows of a flag (or variable) beside its description, the flags indented by {@code indent}. */
    @SafeVarargs
    private static String table(Help help, int indent, List<String[]>... parts) {
        TextTable table = TextTable.forColumns(help.colorScheme(), new Column(FLAG_COLUMN, indent, Overflow.SPAN),
                new Column(HELP_WIDTH - FLAG_COLUMN, 0, Overflow.WRAP));
        for (List<String[]> rows : parts) {
            for (String[] row : rows) {
                // the space keeps a flag that fills its column apart from its description
                table.addRowValues(row[0].isEmpty() ? "" : row[0] + " ", row[1]);
            }
        }
        return table.toString();
    }

    /** Text wrapped at {@link #HELP_WIDTH}, indented by {@code indent}. */
    private static String paragraph(Help help, int indent, String text) {
        TextTable table = TextTable.forColumns(help.colorScheme(), new Column(HELP_WIDTH, indent, Overflow.WRAP));
        table.addRowValues(text);
        return table.toString();
    }

    /** A text written the first time it is read. */
    private static final class WrittenWhenRead implements CharSequence {
        private final Supplier<String> writer;
        private volatile @Nullable String text;

        WrittenWhenRead(Supplier<String> writer) {
            this.writer = writer;
        }

        @Override
        public String toString() {
            String t = text;
            if (t == null) {
                t = writer.get();
                text = t;
            }
            return t;
        }

        @Override
        public int length() {
            return toString().length();
        }

        @Override
        public char charAt(int index) {
            return toString().charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }
    }

    /**
     * Parses flags and variables.
     *
     * @throws IllegalArgumentException for an unknown flag or a bad value, naming it
     */
    static CommandLine parse(String[] args, Environment env) {
        return parse(args, env, ProviderRegistry.discovered());
    }

    /**
     * Parses flags and variables for the providers of {@code registry}: the variables first, then the flags (a flag
     * wins over its variable; a repeatable flag adds to its variable's list, except that {@code --provider} replaces
     * it).
     *
     * @throws IllegalArgumentException for an unknown flag, a bad value or a provider that is not implemented
     */
    static CommandLine parse(String[] args, Environment env, ProviderRegistry registry) {
        CommandLine c = new CommandLine(registry);
        c.readEnvironment(env);
        ParseResult flags = parseFlags(args, registry);
        // one entry per option: picocli lists an option once per use, and its string values hold every use in order
        for (OptionSpec option : new LinkedHashSet<>(flags.matchedOptions())) {
            c.apply(option);
        }
        if (!c.providersFromFlags.isEmpty()) {
            c.providers = c.providersFromFlags;
        }
        c.providers = c.chooseProviders();
        return c;
    }

    private void readEnvironment(Environment env) {
        for (Common flag : COMMON) {
            String variable = flag.variable();
            if (variable == null) {
                continue;
            }
            switch (flag.kind()) {
                case SWITCH -> {
                    if (flagVar(env, variable)) {
                        flag.setter().set(this, variable, "true");
                    }
                }
                case VALUE -> env.get(variable).ifPresent(v -> flag.setter().set(this, variable, v));
                case REPEATABLE -> env.get(variable).ifPresent(v -> {
                    for (String item : splitList(v)) {
                        flag.setter().set(this, variable, item);
                    }
                });
            }
        }
        for (McpProvider p : registry.providers()) {
            env.get(p.baseUrlVariable()).map(String::trim).filter(s -> !s.isEmpty())
                    .ifPresent(v -> baseUrls.put(p.name(), v));
        }
        guard = GuardOptions.fromEnvironment(env, guard);
    }

    /** Applies every use of one matched option, in the order given, naming the flag as typed in messages. */
    private void apply(OptionSpec option) {
        Object owner = option.userObject();
        if (owner instanceof ProviderCommand providerCommand) {
            command = providerCommand.flag();
            return;
        }
        if (option.arity().max() == 0) {
            ((Common) owner).setter().set(this, option.longestName(), "true");
            return;
        }
        for (String value : option.stringValues()) {
            if (owner instanceof Common flag) {
                flag.setter().set(this, flag.names().get(0), value);
            } else if (owner instanceof McpProvider p) {
                baseUrls.put(p.name(), value.trim());
            } else {
                guard = GuardOptions.apply(guard, option.longestName(), value);
            }
        }
    }

    /**
     * The providers to serve: those given, else with {@code --demo} every provider; over HTTP those whose base URL
     * was given (a new provider in the registry must not make an existing command line fail), or the first
     * registered when none was; over stdio the first registered (the services file lists the original provider
     * first, so existing desktop set-ups keep working).
     */
    private List<String> chooseProviders() {
        List<String> chosen = new ArrayList<>();
        for (String p : providers) {
            String name = registry.require(p).name();
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        if (!chosen.isEmpty()) {
            return chosen;
        }
        List<String> all = new ArrayList<>(registry.names());
        List<String> configured = new ArrayList<>();
        for (String name : all) {
            if (baseUrls.containsKey(name)) {
                configured.add(name);
            }
        }
        if (command != null) {
            return new ArrayList<>(List.of(registry.byCommand(command).get().name()));
        } else if (demo && !stdio) {
            return all;
        } else if (!stdio && !configured.isEmpty()) {
            return configured;
        }
        return all.isEmpty() ? all : new ArrayList<>(all.subList(0, 1));
    }

    /**
     * Parses the flags with picocli. Its errors become {@link IllegalArgumentException}s in the server's words: one
     * line naming the flag as typed, with a suggestion for a mistyped one.
     */
    private static ParseResult parseFlags(String[] args, ProviderRegistry registry) {
        CommandSpec spec = spec(registry);
        try {
            return new picocli.CommandLine(spec).parseArgs(args);
        } catch (UnmatchedArgumentException e) {
            if (e.getUnmatched().isEmpty()) {
                // an unknown option-like word where a value belongs, e.g. '--port --nope'
                throw new IllegalArgumentException(valueMissing(spec, args) + " needs a value (see --help)");
            }
            String unknown = e.getUnmatched().isEmpty() ? "?" : e.getUnmatched().get(0);
            List<String> suggestions = unknown.startsWith("--") ? e.getSuggestions() : List.of();
            throw new IllegalArgumentException("unknown option '" + unknown + "'"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?") + " (see --help)");
        } catch (MissingParameterException e) {
            String name = e.getMissing().isEmpty() ? "an option" : typedName(e.getMissing().get(0), args);
            throw new IllegalArgumentException(name + " needs a value (see --help)");
        } catch (ParameterException e) {
            throw new IllegalArgumentException(firstLine(e.getMessage()) + " (see --help)");
        }
    }

    /** The option followed by an option-like word instead of its value. */
    private static String valueMissing(CommandSpec spec, String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            OptionSpec option = spec.findOption(args[i]);
            if (option != null && option.arity().min() > 0 && args[i + 1].startsWith("-")) {
                return args[i];
            }
        }
        return "an option";
    }

    private static String firstLine(@Nullable String message) {
        int end = message == null ? -1 : message.indexOf('\n');
        return message == null ? "bad option" : end < 0 ? message : message.substring(0, end);
    }

    /** The name the user typed for an option (the last use of one of its aliases), e.g. {@code --base-url}. */
    private static String typedName(ArgSpec arg, String[] args) {
        if (!(arg instanceof OptionSpec option)) {
            return arg.paramLabel();
        }
        String typed = option.names()[0];
        List<String> names = List.of(option.names());
        for (String a : args) {
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (names.contains(name)) {
                typed = name;
            }
        }
        return typed;
    }

    /** Checks the combination of options; returns the problem, or empty when they fit together. */
    Optional<String> problem(Environment env) {
        if (help || version) {
            return Optional.empty();
        }
        if (demo && bindGiven && !OriginPolicy.isLoopback(bind)) {
            return Optional.of("--demo serves demo data without a token and binds to loopback only; drop --bind "
                    + bind + " (or use 127.0.0.1)");
        }
        if (!demo && !stdio && tokenFromEnv && !OriginPolicy.isLoopback(bind)) {
            return Optional.of("--token-from-env lends " + String.join(", ", tokenVariables()) + " to every request "
                    + "that brings no token, so it binds to loopback only; drop --bind " + bind + ", or have each "
                    + "caller send its own token");
        }
        if (command != null && !providers.equals(List.of(registry.byCommand(command).get().name()))) {
            return Optional.of(command + " is a command of " + registry.byCommand(command).get().name()
                    + " alone; drop --provider " + String.join(",", providers));
        }
        if (stdio && providers.size() != 1) {
            return Optional.of("--stdio serves exactly one provider; choose it with --provider (got "
                    + String.join(", ", providers) + ")");
        }
        for (McpProvider p : served()) {
            if (!demo && baseUrl(p.name()) == null) {
                List<String> flags = p.baseUrlFlags();
                return Optional.of("the " + p.displayName() + " base URL is missing: pass " + flags.get(0) + " "
                        + p.exampleBaseUrl() + (flags.size() > 1 ? " (alias " + flags.get(1) + ")" : "") + " (or set "
                        + p.baseUrlVariable() + "), or try --demo");
            }
        }
        try {
            OriginPolicy.forBinding(bind, allowedHosts, allowedOrigins);
        } catch (IllegalArgumentException e) {
            return Optional.of("--allowed-origin/--allowed-host: " + e.getMessage());
        }
        if (maxBodyBytes < 1024) {
            return Optional.of("--max-body-bytes must be at least 1024, got " + maxBodyBytes);
        }
        if (demo || !(stdio || tokenFromEnv || command != null)) {
            return Optional.empty();
        }
        String needsToken = command != null ? command : stdio ? "--stdio" : null;
        for (McpProvider p : served()) {
            if (!isSet(env, p.tokenVariable())) {
                return Optional.of(needsToken != null
                        ? needsToken + " needs the " + p.displayName() + " API token in the environment: set "
                                + p.tokenVariable()
                        : "--token-from-env is set but " + p.tokenVariable() + " is not");
            }
            for (CallerHeader h : p.callerHeaders()) {
                if (h.required() && !isSet(env, h.variable())) {
                    return Optional.of((needsToken != null ? needsToken : "--token-from-env") + " needs "
                            + h.description()
                            + " (header " + h.name() + ") in the environment: set " + h.variable());
                }
            }
        }
        return Optional.empty();
    }

    /** The registrations of the providers to serve, in the order given. */
    List<McpProvider> served() {
        List<McpProvider> out = new ArrayList<>();
        for (String p : providers) {
            out.add(registry.require(p));
        }
        return out;
    }

    /**
     * A provider's base URL from its flags or variable, else its {@linkplain McpProvider#defaultBaseUrl() default},
     * or {@code null} when there is none.
     */
    @Nullable
    String baseUrl(String provider) {
        String given = baseUrls.get(provider);
        return given != null ? given : registry.require(provider).defaultBaseUrl();
    }

    /** The module options every served provider gets. */
    ModuleOptions moduleOptions() {
        return ModuleOptions.defaults().withAllowWrites(allowWrites).withMaxRangeDays(maxRangeDays);
    }

    private List<String> tokenVariables() {
        List<String> out = new ArrayList<>();
        for (McpProvider p : served()) {
            out.add(p.tokenVariable());
        }
        return out;
    }

    private static boolean isSet(Environment env, String name) {
        return env.get(name).map(t -> !t.trim().isEmpty()).orElse(false);
    }

    private static boolean flagVar(Environment env, String name) {
        Optional<String> v = env.get(name);
        if (!v.isPresent() || v.get().trim().isEmpty()) {
            return false;
        }
        String t = v.get().trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("1") || t.equals("yes")) {
            return true;
        }
        if (t.equals("false") || t.equals("0") || t.equals("no")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false, got '" + v.get() + "'");
    }

    private static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out.isEmpty() ? Collections.emptyList() : out;
    }

    private static int parseInt(String name, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static String logLevel(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("error", "warn", "info", "debug", "trace").contains(v)) {
            throw new IllegalArgumentException(name + " must be error, warn, info or debug, got '" + value + "'");
        }
        return v;
    }

    HttpSettings httpSettings() {
        return HttpSettings.defaults()
                .withBind(demo && !bindGiven ? HttpSettings.DEFAULT_BIND : bind)
                .withPort(port)
                .withStateful(stateful)
                .withAllowedHosts(allowedHosts)
                .withAllowedOrigins(allowedOrigins)
                .withMaxBodyBytes(maxBodyBytes)
                .withRateLimit(rateLimitPerMinute, rateLimitBurst)
                .withGuard(guard);
    }
}
