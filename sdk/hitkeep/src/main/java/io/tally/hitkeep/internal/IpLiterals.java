package io.tally.hitkeep.internal;

/**
 * Checks IPv4 and IPv6 address literals the way HitKeep's {@code net.ParseIP} does, without any name lookup
 * (unlike {@link java.net.InetAddress#getByName(String)}, which resolves anything that is not a literal).
 * Accepts dotted quads without leading zeros and RFC 4291 IPv6 text, including {@code ::} compression and an
 * embedded IPv4 tail; refuses zones ({@code %eth0}), brackets, prefixes and host names.
 */
public final class IpLiterals {
    private IpLiterals() {}

    /** Whether {@code s} is an IPv4 or IPv6 address literal. */
    public static boolean isIpAddress(String s) {
        return s != null && (isIpv4(s) || isIpv6(s));
    }

    /** Whether {@code s} is a dotted-quad IPv4 literal such as {@code 203.0.113.7}. */
    public static boolean isIpv4(String s) {
        if (s == null) {
            return false;
        }
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (i <= n) {
            int start = i;
            int value = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return false;
                }
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return false;
            }
            parts++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
            if (i == n) {
                return false;
            }
        }
        return parts == 4;
    }

    /** Whether {@code s} is an IPv6 literal such as {@code 2001:db8::1} or {@code ::ffff:203.0.113.7}. */
    public static boolean isIpv6(String s) {
        if (s == null || s.length() < 2 || s.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
        String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
        int groups = 0;
        boolean[] endsWithV4 = {false};
        int h = countGroups(head, doubleColon < 0 || tail.isEmpty(), endsWithV4);
        if (h < 0) {
            return false;
        }
        groups += h;
        if (doubleColon >= 0) {
            if (endsWithV4[0]) {
                return false; // an IPv4 tail must come last
            }
            int t = countGroups(tail, true, endsWithV4);
            if (t < 0) {
                return false;
            }
            groups += t;
            return groups <= 7;
        }
        return groups == 8;
    }

    /**
     * Counts the 16-bit groups of a colon-separated run (an IPv4 tail counts as two); -1 when malformed. An
     * empty run has no groups.
     */
    private static int countGroups(String run, boolean v4Allowed, boolean[] endsWithV4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && v4Allowed && p.indexOf('.') >= 0) {
                if (!isIpv4(p)) {
                    return -1;
                }
                endsWithV4[0] = true;
                groups += 2;
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return -1;
            }
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    return -1;
                }
            }
            groups++;
        }
        return groups;
    }
}
