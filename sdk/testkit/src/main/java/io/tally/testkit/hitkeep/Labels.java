package io.tally.testkit.hitkeep;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** HitKeep's normalised dimension labels: the strings that appear as {@code name} in {@code top_*} lists. */
final class Labels {
    static final String DIRECT = "(Direct)";
    static final String UNKNOWN = "(Unknown)";
    static final String UNKNOWN_HOST = "(Unknown Host)";
    static final String UNSPECIFIED = "(Unspecified)";

    private static final Pattern URL_HOST = Pattern.compile("^https?://([^/?#]+)", Pattern.CASE_INSENSITIVE);

    private Labels() {}

    static String referrer(String referrer) {
        if (referrer == null || referrer.isEmpty()) {
            return DIRECT;
        }
        Matcher m = URL_HOST.matcher(referrer);
        return m.find() ? m.group(1) : referrer;
    }

    static String referrerHost(String referrer) {
        String label = referrer(referrer);
        return label.equals(DIRECT) ? DIRECT : label.toLowerCase(Locale.ROOT);
    }

    /** Device class from the viewport width; an unknown width counts as desktop, as HitKeep's SQL does. */
    static String device(int viewportWidth) {
        if (viewportWidth <= 0) {
            return "Desktop";
        }
        if (viewportWidth < 576) {
            return "Mobile";
        }
        return viewportWidth < 992 ? "Tablet" : "Desktop";
    }

    static String browser(String ua) {
        if (ua == null || ua.trim().isEmpty()) {
            return UNKNOWN;
        }
        boolean mobile = ua.contains("Mobile");
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("Firefox/")) {
            return mobile ? "Mobile Firefox" : "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/")) {
            return mobile ? "Mobile Chrome" : "Chrome";
        }
        if (ua.contains("Safari/")) {
            return mobile ? "Mobile Safari" : "Safari";
        }
        return UNKNOWN;
    }

    static String orUnknown(@Nullable String value) {
        return value == null || value.trim().isEmpty() ? UNKNOWN : value.trim();
    }

    static String orUnspecified(@Nullable String value) {
        return value == null || value.trim().isEmpty() ? UNSPECIFIED : value.trim();
    }

    static String hostname(@Nullable String value) {
        return value == null || value.trim().isEmpty() ? UNKNOWN_HOST : value.trim();
    }

    static String language(@Nullable String value) {
        if (value == null || value.trim().isEmpty()) {
            return UNSPECIFIED;
        }
        String v = value.trim();
        int dash = v.indexOf('-');
        return (dash >= 0 ? v.substring(0, dash) : v).toLowerCase(Locale.ROOT);
    }

    static String asn(int asn, @Nullable String org) {
        if (asn <= 0) {
            return UNKNOWN;
        }
        return org == null || org.isEmpty() ? "AS" + asn : "AS" + asn + " " + org;
    }

    /** The AI assistant a referrer comes from, or {@code null}. */
    static @Nullable String aiSource(String referrer) {
        String host = referrerHost(referrer);
        if (host.equals(DIRECT)) {
            return null;
        }
        if (host.endsWith("chatgpt.com") || host.endsWith("chat.openai.com")) {
            return "ChatGPT";
        }
        if (host.endsWith("perplexity.ai")) {
            return "Perplexity";
        }
        if (host.endsWith("claude.ai")) {
            return "Claude";
        }
        if (host.equals("gemini.google.com")) {
            return "Gemini";
        }
        if (host.equals("copilot.microsoft.com")) {
            return "Copilot";
        }
        return null;
    }

    static boolean isUuid(@Nullable String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
