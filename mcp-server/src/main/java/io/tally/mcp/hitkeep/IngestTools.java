package io.tally.mcp.hitkeep;

import io.tally.hitkeep.model.ServerEvent;
import io.tally.hitkeep.model.ServerPageview;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.DateWindow;
import io.tally.mcp.tool.Schema;
import io.tally.mcp.tool.ToolFailure;
import io.tally.mcp.tool.ToolSpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side ingest, registered only with {@code --allow-writes}: {@code hitkeep_ingest_pageview} and
 * {@code hitkeep_ingest_event}. Not read-only and not idempotent (each call records one more pageview or event).
 */
final class IngestTools {
    private static final String NOTE = "HitKeep accepted the record (202). It answers 202 also when it drops a record "
            + "(do-not-track, excluded IP or country, spam referrer), and writes asynchronously: the record shows in "
            + "the analytics after a short delay.";

    private IngestTools() {}

    static List<ToolSpec> specs(HitKeepModule m) {
        return List.of(pageview(m), event(m));
    }

    private static Schema common(Schema s) {
        return s.property("url", Schema.string("The absolute http(s) URL of the page; its host picks the site (a "
                + "leading www. is ignored) and its query string carries UTM values."))
                .property("timestamp", Schema.dateTime("When it happened, RFC 3339 (default: now)."))
                .property("visitor_ip", Schema.string("The visitor's IP address (for exclusions, spam checks and "
                        + "geolocation; HitKeep discards it afterwards)."))
                .property("user_agent", Schema.string("The visitor's user agent."))
                .property("referrer", Schema.string("The referrer URL."))
                .property("session_id", Schema.string("A UUID grouping hits into a visit (default: a new session).")
                        .format("uuid"));
    }

    private static Map<String, Object> outputSchema() {
        return Schema.object()
                .property("accepted", Schema.bool("Whether HitKeep accepted the record."))
                .property("url", Schema.string("The URL sent."))
                .property("timestamp", Schema.dateTime("The timestamp sent."))
                .property("note", Schema.string("What acceptance means."))
                .required("accepted", "url", "timestamp", "note")
                .build();
    }

    private static ToolSpec pageview(HitKeepModule m) {
        Map<String, Object> input = common(Schema.object())
                .property("viewport_width", Schema.integer("Viewport width in pixels (drives the device class)."))
                .property("viewport_height", Schema.integer("Viewport height in pixels."))
                .property("screen_width", Schema.integer("Screen width in pixels."))
                .property("screen_height", Schema.integer("Screen height in pixels."))
                .property("language", Schema.string("The visitor's language, e.g. en-US."))
                .property("page_id", Schema.string("A UUID for this page load (default: generated).").format("uuid"))
                .required("url", "visitor_ip", "user_agent")
                .closed()
                .build();
        return new ToolSpec("hitkeep_ingest_pageview", "Record a HitKeep pageview",
                "WRITE: record one pageview in HitKeep through server-side ingest. The site is the one whose domain "
                        + "matches the URL's host; the token needs the owner or admin role on it (site.manage_data). "
                        + "Use only when the user asks to record traffic, e.g. to backfill or test tracking.",
                input, outputSchema(), false, (ctx, args) -> {
                    Instant timestamp = timestamp(args, m);
                    ServerPageview.Builder b = ServerPageview.builder()
                            .url(args.requiredString("url"))
                            .timestamp(timestamp)
                            .visitorIp(args.requiredString("visitor_ip"))
                            .userAgent(args.requiredString("user_agent"));
                    args.optionalString("referrer").ifPresent(b::referrer);
                    args.optionalString("language").ifPresent(b::language);
                    args.optionalString("session_id").ifPresent(b::sessionId);
                    args.optionalString("page_id").ifPresent(b::pageId);
                    Optional<Integer> vw = args.optionalInt("viewport_width");
                    Optional<Integer> vh = args.optionalInt("viewport_height");
                    if (vw.isPresent() || vh.isPresent()) {
                        b.viewport(
                                vw.orElseThrow(() -> new ToolFailure("viewport_width and viewport_height go together")),
                                vh.orElseThrow(
                                        () -> new ToolFailure("viewport_width and viewport_height go together")));
                    }
                    Optional<Integer> sw = args.optionalInt("screen_width");
                    Optional<Integer> sh = args.optionalInt("screen_height");
                    if (sw.isPresent() || sh.isPresent()) {
                        b.screen(sw.orElseThrow(() -> new ToolFailure("screen_width and screen_height go together")),
                                sh.orElseThrow(() -> new ToolFailure("screen_width and screen_height go together")));
                    }
                    ServerPageview pageview = b.build();
                    m.client(ctx).ingest().pageview(pageview).execute();
                    return accepted(pageview.url(), timestamp);
                });
    }

    private static ToolSpec event(HitKeepModule m) {
        Map<String, Object> input = common(Schema.object())
                .property("name", Schema.string("The event's name, e.g. signup."))
                .property("properties", Schema.freeObject("The event's properties (any JSON values)."))
                .required("url", "name", "visitor_ip", "user_agent")
                .closed()
                .build();
        return new ToolSpec("hitkeep_ingest_event", "Record a HitKeep event",
                "WRITE: record one custom event (name plus properties) in HitKeep through server-side ingest. The "
                        + "site is the one whose domain matches the URL's host; the token needs the owner or admin "
                        + "role on it (site.manage_data). Use only when the user asks to record an event.",
                input, outputSchema(), false, (ctx, args) -> {
                    Instant timestamp = timestamp(args, m);
                    ServerEvent.Builder b = ServerEvent.builder(args.requiredString("name"))
                            .url(args.requiredString("url"))
                            .timestamp(timestamp)
                            .visitorIp(args.requiredString("visitor_ip"))
                            .userAgent(args.requiredString("user_agent"));
                    args.optionalObject("properties").ifPresent(b::properties);
                    args.optionalString("referrer").ifPresent(b::referrer);
                    args.optionalString("session_id").ifPresent(b::sessionId);
                    ServerEvent event = b.build();
                    m.client(ctx).ingest().event(event).execute();
                    return accepted(event.url(), timestamp);
                });
    }

    private static Instant timestamp(Arguments args, HitKeepModule m) {
        return args.optionalString("timestamp").map(s -> {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw new ToolFailure(
                        "invalid timestamp, expected RFC3339 such as 2026-06-01T12:00:00Z, got '" + s + "'");
            }
        }).orElseGet(() -> m.clock().instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private static Map<String, Object> accepted(String url, Instant timestamp) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", true);
        out.put("url", url);
        out.put("timestamp", DateWindow.format(timestamp));
        out.put("note", NOTE);
        return out;
    }
}
