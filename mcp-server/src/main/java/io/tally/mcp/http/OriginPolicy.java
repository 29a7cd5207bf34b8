package io.tally.mcp.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code Host} and {@code Origin} headers the MCP endpoint accepts, against DNS rebinding: a web page on
 * {@code evil.example} that rebinds its name to 127.0.0.1 sends {@code Host: evil.example} and
 * {@code Origin: http://evil.example}, and is refused with 403.
 *
 * <ul>
 *   <li><b>Host.</b> Bound to loopback: only {@code localhost}, {@code 127.0.0.1} and {@code [::1]} (any port)
 *       plus the configured allowed hosts. Bound elsewhere: any host, unless allowed hosts are configured.</li>
 *   <li><b>Origin.</b> Absent (non-browser clients): accepted. Present: only loopback origins plus the
 *       configured allowed origins ({@code *} accepts every origin).</li>
 * </ul>
 */
public final class OriginPolicy {
    private static final Set<String> LOOPBACK_HOSTS = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]")));

    private final Set<String> allowedHosts; // lower-case host names without port; empty = any
    private final Set<String> allowedOrigins; // lower-case scheme://host[:port]
    private final boolean anyOrigin;

    private OriginPolicy(Set<String> allowedHosts, Set<String> allowedOrigins, boolean anyOrigin) {
        this.allowedHosts = allowedHosts;
        this.allowedOrigins = allowedOrigins;
        this.anyOrigin = anyOrigin;
    }

    /**
     * The policy for a server bound to {@code bindAddress}.
     *
     * @param bindAddress    the address the server listens on
     * @param extraHosts     host names to accept besides the loopback ones (e.g. {@code mcp.example.com})
     * @param extraOrigins   origins to accept besides the loopback ones (e.g. {@code https://app.example.com}),
     *                       or {@code *} for all
     * @throws IllegalArgumentException for an origin that is not {@code scheme://host[:port]}
     */
    public static OriginPolicy forBinding(String bindAddress, Collection<String> extraHosts,
            Collection<String> extraOrigins) {
        Set<String> hosts = new LinkedHashSet<>();
        boolean loopback = isLoopback(bindAddress);
        if (loopback || !extraHosts.isEmpty()) {
            hosts.addAll(LOOPBACK_HOSTS);
            for (String h : extraHosts) {
                hosts.add(normaliseHost(h));
            }
        }
        Set<String> origins = new LinkedHashSet<>();
        boolean any = false;
        for (String o : extraOrigins) {
            if (o.trim().equals("*")) {
                any = true;
            } else {
                origins.add(normaliseOrigin(o));
            }
        }
        return new OriginPolicy(Collections.unmodifiableSet(hosts), Collections.unmodifiableSet(origins), any);
    }

    /** Whether an address is a loopback address or name. */
    public static boolean isLoopback(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        // an IPv4 literal only: a host name such as 127.example.com may resolve to anything
        return a.equals("localhost") || a.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || a.equals("::1")
                || a.equals("[::1]") || a.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * Why a request is refused, or {@code null} when it is accepted.
     *
     * @param host   the {@code Host} header (may be null)
     * @param origin the {@code Origin} header (may be null)
     */
    public @Nullable String refusal(@Nullable String host, @Nullable String origin) {
        if (!allowedHosts.isEmpty()) {
            String name = host == null ? null : hostName(host);
            if (name == null || !allowedHosts.contains(name)) {
                return "Host '" + host + "' is not allowed (DNS rebinding protection); allowed hosts: "
                        + String.join(", ", allowedHosts) + ". Add yours with --allowed-host.";
            }
        }
        if (origin != null && !anyOrigin) {
            String o;
            try {
                o = normaliseOrigin(origin);
            } catch (IllegalArgumentException e) {
                return "Origin '" + origin + "' is not allowed (DNS rebinding protection)";
            }
            if (!allowedOrigins.contains(o) && !isLoopbackOrigin(o)) {
                return "Origin '" + origin
                        + "' is not allowed (DNS rebinding protection); add it with --allowed-origin.";
            }
        }
        return null;
    }

    /** The hosts checked, empty when any host is accepted. */
    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /** The origins accepted besides the loopback ones. */
    public List<String> allowedOrigins() {
        List<String> out = new ArrayList<>(allowedOrigins);
        if (anyOrigin) {
            out.add("*");
        }
        return out;
    }

    private static boolean isLoopbackOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            String h = uri.getHost();
            return h != null && LOOPBACK_HOSTS.contains(h.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host name of a Host header, without the port, lower-cased; IPv6 keeps its brackets. */
    static @Nullable String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (h.indexOf(':', colon + 1) >= 0) {
                return null; // a bare IPv6 address is not a valid Host header
            }
            h = h.substring(0, colon);
        }
        return h.isEmpty() ? null : h;
    }

    private static String normaliseHost(String host) {
        String h = hostName(host);
        if (h == null) {
            throw new IllegalArgumentException(
                    "allowed host must be a host name such as mcp.example.com, got '" + host + "'");
        }
        return h;
    }

    private static String normaliseOrigin(String origin) {
        String o = origin.trim();
        URI uri;
        try {
            uri = URI.create(o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("origin must look like https://app.example.com, got '" + origin + "'");
        }
        if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
                && !uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("origin must look like https://app.example.com, got '" + origin + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
