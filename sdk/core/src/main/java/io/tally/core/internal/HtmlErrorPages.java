package io.tally.core.internal;

import io.tally.core.spi.ErrorDetails;
import io.tally.core.spi.ErrorResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Error answers that are HTML pages (a proxy's or load balancer's 502, a web server's default 404):
 * their first line ({@code <html>}) says nothing, so the message says what they are and quotes the
 * page's title when it has one.
 */
public final class HtmlErrorPages {
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_TITLE = 120;

    private HtmlErrorPages() {}

    /** Whether the body is an HTML page, by its media type or its first tag. */
    public static boolean looksLikeHtml(ErrorResponse response) {
        if (response.mediaType().map(t -> t.equals("text/html") || t.equals("application/xhtml+xml")).orElse(false)) {
            return true;
        }
        String start = response.body().trim().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** {@code details} with the message replaced by a description of the page. */
    public static ErrorDetails describe(ErrorDetails details, String body) {
        String title = title(body);
        String message = "the server answered with an HTML error page"
                + (title != null ? " titled \"" + title + "\"" : "")
                + " rather than an API response (a proxy or gateway in front of the API, or the wrong base URL)";
        return ErrorDetails.builder()
                .message(message)
                .errorCode(details.errorCode())
                .missingScope(details.missingScope())
                .missingPermission(details.missingPermission())
                .denialReason(details.denialReason())
                .hint(details.hint())
                .build();
    }

    /** The page's title, whitespace collapsed and common entities decoded, or {@code null}. */
    static @Nullable String title(String body) {
        Matcher m = TITLE.matcher(body);
        if (!m.find()) {
            return null;
        }
        String t = m.group(1).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim()
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        if (t.isEmpty()) {
            return null;
        }
        return t.length() > MAX_TITLE ? t.substring(0, MAX_TITLE) + "…" : t;
    }
}
