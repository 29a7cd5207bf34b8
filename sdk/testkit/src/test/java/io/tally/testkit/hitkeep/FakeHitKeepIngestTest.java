package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeHitKeepIngestTest {
    private static final String PAGEVIEW = "/api/ingest/server/pageview";
    private static final String EVENT = "/api/ingest/server/event";
    private static final String SESSION = "5f0c8f8e-3c1b-4d0a-9d7e-2b1a0c9d8e7f";

    @RegisterExtension
    static final SharedFake HITKEEP = SharedFake.resetBeforeEachTest();

    private static String pageview(String url) {
        return "{\"url\":\"" + url + "\",\"timestamp\":\"2026-06-25T10:10:00Z\",\"visitor_ip\":\"2001:db8::42\","
                + "\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64) Firefox/127.0\",\"referrer\":\"https://news.ycombinator.com/item?id=1\","
                + "\"viewport_width\":390,\"language\":\"de-DE\",\"session_id\":\"" + SESSION + "\"}";
    }

    private static Http.Reply ingest(String path, String body, String token) {
        return HITKEEP.post(path, body, Http.bearer(token));
    }

    @Test
    void acceptedPageviewIs202EmptyRecordedAndQueryable() {
        Http.Reply r = ingest(PAGEVIEW, pageview("https://www.Shop.Example.com/cart?utm_source=hn&utm_campaign=launch"),
                HitKeepDemo.ADMIN_TOKEN);

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.bytes()).isEmpty();
        assertThat(HITKEEP.fake().ingested()).singleElement().satisfies(rec -> {
            assertThat(rec.kind()).isEqualTo(IngestedRecord.Kind.PAGEVIEW);
            assertThat(rec.siteId()).isEqualTo(HitKeepDemo.SHOP_SITE_ID);
            assertThat(rec.field("visitor_ip")).isEqualTo("2001:db8::42");
            assertThat(rec.dropped()).isFalse();
        });

        JsonNode hits = json(HITKEEP.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID
                + "/hits?filter=utm_campaign:launch&from=2026-06-25T00:00:00Z", Http.bearer(HitKeepDemo.TOKEN)));
        assertThat(hits.get("total").asInt()).isEqualTo(1);
        JsonNode hit = hits.get("data").get(0);
        assertThat(hit.get("path").asText()).isEqualTo("/cart?utm_source=hn&utm_campaign=launch");
        assertThat(hit.get("utm_source").asText()).isEqualTo("hn");
        assertThat(hit.get("session_id").asText()).isEqualTo(SESSION);
        assertThat(hit.get("timestamp").asText()).isEqualTo("2026-06-25T10:10:00Z");
        assertThat(hit.get("is_unique").asBoolean()).isTrue();
    }

    @Test
    void eventsJoinTheirSessionAndShowUpInEventReports() {
        ingest(PAGEVIEW, pageview("https://blog.example.com/newsletter"), HitKeepDemo.ADMIN_TOKEN);
        Http.Reply r = ingest(EVENT,
                "{\"url\":\"https://blog.example.com/newsletter\",\"timestamp\":\"2026-06-25T10:11:00Z\","
                        + "\"visitor_ip\":\"192.0.2.1\",\"user_agent\":\"curl/8\",\"name\":\" webinar_signup \","
                        + "\"properties\":{\"plan\":\"pro\",\"seats\":3},\"session_id\":\"" + SESSION + "\"}",
                HitKeepDemo.ADMIN_TOKEN);

        assertThat(r.status()).isEqualTo(202);
        String blog = "/api/sites/" + HitKeepDemo.BLOG_SITE_ID;
        assertThat(json(HITKEEP.get(blog + "/events/names", Http.bearer(HitKeepDemo.TOKEN))).toString())
                .contains("webinar_signup");
        JsonNode breakdown = json(HITKEEP.get(blog + "/events/breakdown?event_name=webinar_signup&property_key=seats",
                Http.bearer(HitKeepDemo.TOKEN)));
        assertThat(breakdown.get(0).get("name").asText()).isEqualTo("3");
        // The event carries its session's dimensions (Hacker News, Mobile) from the pageview.
        JsonNode audience = json(HITKEEP.get(blog + "/events/audience?event_name=webinar_signup",
                Http.bearer(HitKeepDemo.TOKEN)));
        assertThat(audience.get("top_referrers").get(0).get("name").asText()).isEqualTo("news.ycombinator.com");
        assertThat(audience.get("top_devices").get(0).get("name").asText()).isEqualTo("Mobile");
    }

    @Test
    void dntIsAcceptedButDropped() {
        String body = pageview("https://shop.example.com/dnt-page").replace("{", "{\"dnt\":true,");
        assertThat(ingest(PAGEVIEW, body, HitKeepDemo.ADMIN_TOKEN).status()).isEqualTo(202);

        assertThat(HITKEEP.fake().ingested()).singleElement().satisfies(rec -> assertThat(rec.dropped()).isTrue());
        assertThat(json(HITKEEP.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/hits?q=dnt-page",
                Http.bearer(HitKeepDemo.TOKEN))).get("total").asInt()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                                                   | Bad request body",
            "{\"url\":5}                                                                 | Bad request body",
            "{\"url\":\"/relative\"}                                                     | url must be an absolute http or https URL",
            "{\"url\":\"ftp://shop.example.com/\"}                                       | url must be an absolute http or https URL",
            "{\"url\":\"https://shop.example.com/\",\"timestamp\":\"25/06/2026\"}        | timestamp must be RFC3339",
            "{\"url\":\"https://shop.example.com/\",\"timestamp\":\"2026-06-25T10:00:00Z\",\"visitor_ip\":\"999.1.1.1\"} | visitor_ip must be a valid IP address",
            "{\"url\":\"https://shop.example.com/\",\"timestamp\":\"2026-06-25T10:00:00Z\",\"visitor_ip\":\"localhost\"} | visitor_ip must be a valid IP address",
            "{\"url\":\"https://shop.example.com/\",\"timestamp\":\"2026-06-25T10:00:00Z\",\"visitor_ip\":\"1:2\"}       | visitor_ip must be a valid IP address",
            "{\"url\":\"https://shop.example.com/\",\"timestamp\":\"2026-06-25T10:00:00Z\",\"visitor_ip\":\"::1\",\"user_agent\":\" \"} | user_agent is required",
            "{\"url\":\"https://unknown.example/\",\"timestamp\":\"2026-06-25T10:00:00Z\",\"visitor_ip\":\"::1\",\"user_agent\":\"x\"} | Site not found",
    })
    void pageviewValidationFollowsHitKeepsOrder(String body, String message) {
        Http.Reply r = ingest(PAGEVIEW, body, HitKeepDemo.ADMIN_TOKEN);

        assertThat(r.status()).isEqualTo(message.equals("Site not found") ? 404 : 400);
        assertThat(r.body()).isEqualTo(message + "\n");
        assertThat(HITKEEP.fake().ingested()).isEmpty();
    }

    @Test
    void eventNeedsAName() {
        Http.Reply r = ingest(EVENT, "{\"url\":\"https://shop.example.com/\",\"timestamp\":\"2026-06-25T10:00:00Z\","
                + "\"visitor_ip\":\"10.0.0.1\",\"user_agent\":\"x\",\"name\":\"  \"}", HitKeepDemo.ADMIN_TOKEN);

        assertThat(r.body()).isEqualTo("name is required\n");
    }

    @Test
    void ingestIsTokenOnlyAndNeedsManageDataOnTheUrlsSite() {
        String body = pageview("https://shop.example.com/");

        assertThat(HITKEEP.post(PAGEVIEW, body).status()).isEqualTo(401);
        Http.Reply viewer = ingest(PAGEVIEW, body, HitKeepDemo.TOKEN);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.body()).isEqualTo("Access denied\n");
        assertThat(ingest(PAGEVIEW, pageview("https://blog.example.com/"), HitKeepDemo.SHOP_TOKEN).body())
                .isEqualTo("Access denied\n");
        HITKEEP.fake().addToken("tok-shop-admin", Grant.site(HitKeepDemo.SHOP_SITE_ID, Role.ADMIN));
        assertThat(ingest(PAGEVIEW, body, "tok-shop-admin").status()).isEqualTo(202);
    }

    @Test
    void sessionCookiesAreNotAcceptedOnIngest() {
        Http.Reply login = HITKEEP.post("/api/login", "{\"email\":\"" + HitKeepDemo.OWNER_EMAIL + "\",\"password\":\""
                + HitKeepDemo.PASSWORD + "\"}", "Origin", HITKEEP.fake().publicOrigin());
        String cookie = login.header("Set-Cookie").split(";")[0];

        assertThat(HITKEEP.post(PAGEVIEW, pageview("https://shop.example.com/"), "Cookie", cookie).status())
                .isEqualTo(401);
    }

    @Test
    void aiFetchIngestValidatesTheBotAndFeedsTheOverview() {
        String path = "/api/sites/" + HitKeepDemo.DOCS_SITE_ID + "/ingest/ai-fetch";
        Http.Reply ok = ingest(path, "{\"path\":\"/brand-new-page\",\"status_code\":200,\"user_agent\":"
                + "\"Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)\",\"response_ms\":42}",
                HitKeepDemo.ADMIN_TOKEN);

        assertThat(ok.status()).isEqualTo(202);
        assertThat(HITKEEP.fake().ingested()).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(IngestedRecord.Kind.AI_FETCH));
        JsonNode overview = json(HITKEEP.get("/api/sites/" + HitKeepDemo.DOCS_SITE_ID
                + "/ai-fetch/overview?path=/brand-new-page", Http.bearer(HitKeepDemo.TOKEN)));
        assertThat(overview.get("total_requests").asInt()).isEqualTo(1);
        assertThat(ingest(path, "{\"path\":\"/x\",\"status_code\":200,\"user_agent\":\"Mozilla/5.0 Firefox\"}",
                HitKeepDemo.ADMIN_TOKEN).body()).isEqualTo("user_agent must match a known AI bot\n");
        assertThat(ingest(path, "{\"path\":\"/x\",\"status_code\":99,\"user_agent\":\"GPTBot\"}",
                HitKeepDemo.ADMIN_TOKEN).status()).isEqualTo(400);
    }
}
