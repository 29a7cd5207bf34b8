package io.tally.mcp;

import io.tally.core.Environment;
import io.tally.mcp.http.GuardSettings;
import io.tally.mcp.http.OriginPolicy;
import io.tally.mcp.provider.McpProvider;
import io.tally.mcp.provider.ProviderRegistry;
import io.tally.mcp.tool.CallerHeader;
import io.tally.mcp.tool.ModuleOptions;
import io.tally.mcp.ops.GuardOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's options, from flags and their environment-variable twins (a flag wins over its variable).
 * Tokens are read from the environment only, so they never show in a process list. Each provider's flags and
 * variables come from its registration ({@link McpProvider}); nothing here names a provider.
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

    private CommandLine(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** {@code --help} for the standard providers. */
    static final String HELP = help(ProviderRegistry.discovered());

    /** {@code --help}: the common options, then each provider's flags and variables. */
    static String help(ProviderRegistry registry) {
        List<McpProvider> all = registry.providers();
        McpProvider first = all.isEmpty() ? null : all.get(0);
        String example = first == null ? "" : "--provider " + first.name() + " " + first.baseUrlFlags().get(0) + " "
                + first.exampleBaseUrl();
        StringBuilder providers = new StringBuilder();
        for (McpProvider p : all) {
            List<String> flags = p.baseUrlFlags();
            providers.append("  ").append(p.name()).append(" (").append(p.displayName()).append(")\n")
                    .append(String.format("    %-18s The %s instance's URL", flags.get(0) + " URL", p.displayName()))
                    .append(flags.size() > 1 ? " (alias " + String.join(", ", flags.subList(1, flags.size())) + ")" : "")
                    .append(". [").append(p.baseUrlVariable()).append("]\n")
                    .append(String.format("    %-18s The %s API token for --stdio and --token-from-env (environment "
                            + "only).\n", p.tokenVariable(), p.displayName()));
            for (CallerHeader h : p.callerHeaders()) {
                providers.append(String.format("    %-18s Callers send %s as '%s: <value>'%s. [%s]\n", "header " + h.name(),
                        h.description(), h.name(), h.required() ? " (required)" : "", h.variable()));
            }
            for (io.tally.mcp.provider.ProviderCommand command : p.commands()) {
                providers.append(String.format("    %-18s %s Runs once with the credentials of --stdio, then exits.\n",
                        command.flag(), command.description()));
            }
        }
        String firstToken = first == null ? "TOKEN" : first.tokenVariable();
        return """
            Tally MCP server: Streamable HTTP and stdio MCP for analytics APIs.

            Usage:
              java -jar tally-mcp-server.jar --demo
              java -jar tally-mcp-server.jar %1$s
              %2$s=... java -jar tally-mcp-server.jar --stdio %1$s

            Modes:
              (default)            Streamable HTTP at http://BIND:PORT/mcp/<provider> (also /<provider>/mcp, and
                                   /mcp when one provider is served). Every request carries its caller's own
                                   token, 'Authorization: Bearer <token>', used for that request only; a request
                                   without one gets 401.
              --stdio              One provider over stdin/stdout, for desktop assistants (the one --provider
                                   names, else the first listed below); the token comes from the environment
                                   (the provider's token variable, below); logs go to stderr.
                                   [TALLY_MCP_STDIO=true]
              --demo               Every implemented provider backed by in-process fakes with demo data: no
                                   account and no token needed (requests without a token use the demo token).
                                   Loopback only. Combine with --stdio for a desktop assistant.
                                   [TALLY_MCP_DEMO=true]

            Options (each flag's environment variable in brackets; a flag wins over its variable):
              --provider NAME      Provider(s) to serve, comma-separated: %3$s (default: those whose
                                   URL is given; all with --demo). [TALLY_MCP_PROVIDER]
              --port N             HTTP port, default 8080; 0 picks a free one. [TALLY_MCP_PORT]
              --bind ADDR          Address to listen on, default 127.0.0.1 (loopback). [TALLY_MCP_BIND]
              --stateful           Sessions (Mcp-Session-Id), each bound to the token that opened it; another
                                   token presenting it gets 403. Default: stateless. [TALLY_MCP_STATEFUL=true]
              --allow-writes       Register the write tools (off by default: tools only read).
                                   [TALLY_MCP_ALLOW_WRITES=true]
              --token-from-env     Use each provider's token variable for HTTP requests that bring no token. Local
                                   use only: whoever reaches the port acts with this token.
                                   [TALLY_MCP_TOKEN_FROM_ENV=true]
              --allowed-origin O   A browser Origin to accept besides the loopback ones; repeatable; '*' for
                                   all. [TALLY_MCP_ALLOWED_ORIGINS, comma-separated]
              --allowed-host H     A Host name to accept besides the loopback ones (behind a proxy, or bound to
                                   a public address); repeatable. [TALLY_MCP_ALLOWED_HOSTS, comma-separated]
              --max-body-bytes N   Largest request body, default 1048576 (413 above). [TALLY_MCP_MAX_BODY_BYTES]
              --rate-limit N       Requests a minute per token, default 300 (429 above). [TALLY_MCP_RATE_LIMIT]
              --rate-burst N       Requests a token may send at once, default 60. [TALLY_MCP_RATE_BURST]
              --max-range-days N   Longest date window a tool accepts, default 366. [TALLY_MCP_MAX_RANGE_DAYS]
              --backend-pool N     Idle connections kept to the provider APIs, default 64. [TALLY_MCP_BACKEND_POOL]
              --log-level LEVEL    error, warn, info (default) or debug (adds the access log, one line
                                   per tool call). [TALLY_MCP_LOG_LEVEL]
              --help               This text.
              --version            The server's version.

            Providers (tokens come from the environment only, so they stay out of process lists; logs show only
            a short hash):
            %4$s
            Security:
              Host and Origin headers are checked against DNS rebinding: bound to loopback, only localhost,
              127.0.0.1 and [::1] are accepted (403 otherwise). Bodies over the limit get 413, callers over
              their rate 429 with Retry-After. Tools only read unless --allow-writes.
            """.formatted(example, firstToken, String.join(", ", registry.names()), providers) + GuardOptions.HELP;
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
     * Parses flags and variables for the providers of {@code registry}.
     *
     * @throws IllegalArgumentException for an unknown flag, a bad value or a provider that is not implemented
     */
    static CommandLine parse(String[] args, Environment env, ProviderRegistry registry) {
        CommandLine c = new CommandLine(registry);
        env.get("TALLY_MCP_PROVIDER").ifPresent(v -> c.providers = splitList(v));
        for (McpProvider p : registry.providers()) {
            env.get(p.baseUrlVariable()).map(String::trim).filter(s -> !s.isEmpty())
                    .ifPresent(v -> c.baseUrls.put(p.name(), v));
        }
        env.get("TALLY_MCP_PORT").ifPresent(v -> c.port = parseInt("TALLY_MCP_PORT", v, 0, 65535));
        env.get("TALLY_MCP_BIND").ifPresent(v -> {
            c.bind = v.trim();
            c.bindGiven = true;
        });
        c.stdio = flagVar(env, "TALLY_MCP_STDIO");
        c.demo = flagVar(env, "TALLY_MCP_DEMO");
        c.stateful = flagVar(env, "TALLY_MCP_STATEFUL");
        c.allowWrites = flagVar(env, "TALLY_MCP_ALLOW_WRITES");
        c.tokenFromEnv = flagVar(env, "TALLY_MCP_TOKEN_FROM_ENV");
        env.get("TALLY_MCP_ALLOWED_ORIGINS").ifPresent(v -> c.allowedOrigins.addAll(splitList(v)));
        env.get("TALLY_MCP_ALLOWED_HOSTS").ifPresent(v -> c.allowedHosts.addAll(splitList(v)));
        env.get("TALLY_MCP_MAX_BODY_BYTES").ifPresent(v -> c.maxBodyBytes = parseLong("TALLY_MCP_MAX_BODY_BYTES", v));
        env.get("TALLY_MCP_RATE_LIMIT").ifPresent(v -> c.rateLimitPerMinute = parseInt("TALLY_MCP_RATE_LIMIT", v, 1,
                Integer.MAX_VALUE));
        env.get("TALLY_MCP_RATE_BURST").ifPresent(v -> c.rateLimitBurst = parseInt("TALLY_MCP_RATE_BURST", v, 1,
                Integer.MAX_VALUE));
        env.get("TALLY_MCP_MAX_RANGE_DAYS").ifPresent(v -> c.maxRangeDays = parseInt("TALLY_MCP_MAX_RANGE_DAYS", v, 1,
                100_000));
        env.get("TALLY_MCP_LOG_LEVEL").ifPresent(v -> c.logLevel = logLevel("TALLY_MCP_LOG_LEVEL", v));
        c.guard = GuardOptions.fromEnvironment(env, c.guard);
        env.get("TALLY_MCP_BACKEND_POOL").ifPresent(v -> c.backendPoolIdle = parseInt("TALLY_MCP_BACKEND_POOL", v, 1,
                10_000));

        List<String> providersFromFlags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            String name = arg;
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> c.help = true;
                case "--version" -> c.version = true;
                case "--stdio" -> c.stdio = true;
                case "--demo" -> c.demo = true;
                case "--stateful" -> c.stateful = true;
                case "--allow-writes" -> c.allowWrites = true;
                case "--token-from-env" -> c.tokenFromEnv = true;
                default -> {
                    if (value == null && registry.byCommand(name).isPresent()) {
                        c.command = name;
                        continue;
                    }
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException(c.knownFlag(name)
                                    ? name + " needs a value (see --help)"
                                    : "unknown option '" + arg + "' (see --help)");
                        }
                        value = args[++i];
                    }
                    Optional<McpProvider> urlOf = registry.byFlag(name);
                    if (urlOf.isPresent()) {
                        c.baseUrls.put(urlOf.get().name(), value.trim());
                        continue;
                    }
                    switch (name) {
                        case "--provider" -> providersFromFlags.addAll(splitList(value));
                        case "--port" -> c.port = parseInt("--port", value, 0, 65535);
                        case "--bind" -> {
                            c.bind = value.trim();
                            c.bindGiven = true;
                        }
                        case "--allowed-origin" -> c.allowedOrigins.add(value.trim());
                        case "--allowed-host" -> c.allowedHosts.add(value.trim());
                        case "--max-body-bytes" -> c.maxBodyBytes = parseLong("--max-body-bytes", value);
                        case "--rate-limit" -> c.rateLimitPerMinute = parseInt("--rate-limit", value, 1, Integer.MAX_VALUE);
                        case "--rate-burst" -> c.rateLimitBurst = parseInt("--rate-burst", value, 1, Integer.MAX_VALUE);
                        case "--max-range-days" -> c.maxRangeDays = parseInt("--max-range-days", value, 1, 100_000);
                        case "--backend-pool" -> c.backendPoolIdle = parseInt("--backend-pool", value, 1, 10_000);
                        case "--log-level" -> c.logLevel = logLevel("--log-level", value);
                        default -> {
                            if (!GuardOptions.FLAGS.contains(name)) {
                                throw new IllegalArgumentException("unknown option '" + arg + "' (see --help)");
                            }
                            c.guard = GuardOptions.apply(c.guard, name, value);
                        }
                    }
                }
            }
        }
        if (!providersFromFlags.isEmpty()) {
            c.providers = providersFromFlags;
        }
        List<String> chosen = new ArrayList<>();
        for (String p : c.providers) {
            String name = registry.require(p).name();
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        if (chosen.isEmpty()) {
            // without --provider: --demo serves every provider; HTTP serves those whose base URL was given (a new
            // provider in the registry must not make an existing command line fail), or the first registered when
            // none was; stdio serves one, the first registered (the services file lists the
            // original provider first, so existing desktop set-ups keep working)
            List<String> all = new ArrayList<>(registry.names());
            List<String> configured = new ArrayList<>();
            for (String name : all) {
                if (c.baseUrls.containsKey(name)) {
                    configured.add(name);
                }
            }
            if (c.command != null) {
                chosen = List.of(registry.byCommand(c.command).get().name());
            } else if (c.demo && !c.stdio) {
                chosen = all;
            } else if (!c.stdio && !configured.isEmpty()) {
                chosen = configured;
            } else {
                chosen = all.isEmpty() ? all : new ArrayList<>(all.subList(0, 1));
            }
        }
        c.providers = chosen;
        return c;
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
                    return Optional.of((needsToken != null ? needsToken : "--token-from-env") + " needs " + h.description()
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

    private boolean knownFlag(String name) {
        return registry.byFlag(name).isPresent() || Arrays.asList("--provider", "--port", "--bind",
                "--allowed-origin", "--allowed-host", "--max-body-bytes", "--rate-limit", "--rate-burst",
                "--max-range-days", "--backend-pool", "--log-level").contains(name) || GuardOptions.FLAGS.contains(name);
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
