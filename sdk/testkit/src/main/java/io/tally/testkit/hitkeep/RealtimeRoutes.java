package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Model.RealtimeEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/sites/{id}/realtime} (reference §3.6). Writes {@code : connected}, {@code retry: 3000}, the
 * site's retained change notifications (after {@code Last-Event-ID} when sent, preceded by
 * {@code analytics.resync} when that id is older than anything retained), one heartbeat, and then ends the
 * stream, so a test reading it to the end never hangs. Ingest and goal or funnel writes add notifications.
 */
final class RealtimeRoutes {
    private final FakeState state;

    RealtimeRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/realtime").site(SitePermission.VIEW).to(this::stream);
    }

    private void stream(Call c) throws IOException {
        List<RealtimeEvent> retained = List.copyOf(c.site().realtime);
        long lastEventId = -1;
        String header = c.header("Last-Event-ID");
        if (header != null) {
            try {
                lastEventId = Long.parseLong(header.trim());
            } catch (NumberFormatException e) {
                lastEventId = -1;
            }
        }
        c.responseHeaders().set("Cache-Control", "no-cache");
        c.responseHeaders().set("X-Accel-Buffering", "no");
        StringBuilder sb = new StringBuilder();
        sb.append(": connected\n").append("retry: 3000\n\n");
        if (lastEventId >= 0 && !retained.isEmpty() && lastEventId < retained.get(0).id() - 1) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("site_id", c.site().id());
            data.put("kinds", List.of("hits", "events", "ecommerce", "web_vitals"));
            data.put("changed_at", c.now);
            data.put("bucket_start", c.now.truncatedTo(ChronoUnit.MINUTES));
            data.put("counts", Map.of());
            sb.append("event: analytics.resync\n").append("data: ").append(state.json.writeValueAsString(data))
                    .append("\n\n");
        }
        for (RealtimeEvent e : retained) {
            if (e.id() <= lastEventId) {
                continue;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("site_id", e.siteId());
            data.put("kinds", e.kinds());
            data.put("changed_at", e.changedAt());
            data.put("bucket_start", e.changedAt().truncatedTo(ChronoUnit.MINUTES));
            data.put("counts", e.counts());
            sb.append("id: ").append(e.id()).append('\n').append("event: analytics.changed\n")
                    .append("data: ").append(state.json.writeValueAsString(data)).append("\n\n");
        }
        sb.append(": heartbeat\n\n");
        try (OutputStream out = c.stream(200, "text/event-stream")) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
