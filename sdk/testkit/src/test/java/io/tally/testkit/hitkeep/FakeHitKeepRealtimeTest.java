package io.tally.testkit.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHitKeepRealtimeTest {
    private static final String REALTIME = "/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/realtime";

    @RegisterExtension
    static final SharedFake HITKEEP = SharedFake.resetBeforeEachTest();

    private static List<Long> ids(String stream) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^id: (\\d+)$").matcher(stream);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void streamsConnectedRetryAndTheScriptedChangesThenEnds() {
        Http.Reply r = HITKEEP.get(REALTIME, Http.bearer(HitKeepDemo.TOKEN));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/event-stream");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(r.header("X-Accel-Buffering")).isEqualTo("no");
        String body = r.body();
        assertThat(body).startsWith(": connected\nretry: 3000\n\n");
        assertThat(ids(body)).containsExactly(101L, 102L, 103L);
        assertThat(body).contains("event: analytics.changed\ndata: {\"site_id\":\"" + HitKeepDemo.SHOP_SITE_ID
                + "\",\"kinds\":[\"hits\"],\"changed_at\":\"2026-06-25T09:58:30Z\",\"bucket_start\":\"2026-06-25T09:58:00Z\","
                + "\"counts\":{\"hits\":3}}\n\n");
        assertThat(body).endsWith(": heartbeat\n\n").doesNotContain("analytics.resync");
    }

    @Test
    void lastEventIdReplaysOnlyLaterEvents() {
        String body = HITKEEP.get(REALTIME, "Authorization", "Bearer " + HitKeepDemo.TOKEN, "Last-Event-ID", "101")
                .body();

        assertThat(ids(body)).containsExactly(102L, 103L);
        assertThat(ids(
                HITKEEP.get(REALTIME, "Authorization", "Bearer " + HitKeepDemo.TOKEN, "Last-Event-ID", "103").body()))
                .isEmpty();
    }

    @Test
    void tooOldLastEventIdGetsAResyncFirst() {
        String body = HITKEEP.get(REALTIME, "Authorization", "Bearer " + HitKeepDemo.TOKEN, "Last-Event-ID", "7")
                .body();

        assertThat(body.indexOf("event: analytics.resync")).isPositive().isLessThan(body.indexOf("id: 101"));
        assertThat(body).contains("\"kinds\":[\"hits\",\"events\",\"ecommerce\",\"web_vitals\"]", "\"counts\":{}");
    }

    @Test
    void ingestAddsAChangeNotification() {
        HITKEEP.post("/api/ingest/server/pageview",
                "{\"url\":\"https://shop.example.com/\",\"timestamp\":\"2026-06-25T10:00:00Z\","
                        + "\"visitor_ip\":\"10.1.2.3\",\"user_agent\":\"x\"}",
                Http.bearer(HitKeepDemo.ADMIN_TOKEN));

        String body = HITKEEP.get(REALTIME, "Authorization", "Bearer " + HitKeepDemo.TOKEN, "Last-Event-ID", "103")
                .body();

        List<Long> ids = ids(body);
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0)).isGreaterThan(103L);
        assertThat(body).contains("\"kinds\":[\"hits\"]", "\"changed_at\":\"2026-06-25T10:15:02Z\"");
    }

    @Test
    void realtimeNeedsSiteView() {
        assertThat(HITKEEP.get(REALTIME).status()).isEqualTo(401);
        assertThat(
                HITKEEP.get("/api/sites/" + HitKeepDemo.BLOG_SITE_ID + "/realtime", Http.bearer(HitKeepDemo.SHOP_TOKEN))
                        .body())
                .isEqualTo("Access denied\n");
    }
}
