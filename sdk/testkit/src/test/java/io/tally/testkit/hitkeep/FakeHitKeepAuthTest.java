package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHitKeepAuthTest {
    @RegisterExtension
    static final SharedFake HITKEEP = SharedFake.resetBeforeEachTest();

    private static String stats(String siteId) {
        return "/api/sites/" + siteId + "/stats";
    }

    @Test
    void missingCredentialsAre401WithHitKeepsPlainTextBody() {
        Http.Reply r = HITKEEP.get("/api/sites");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("Unauthorized\n");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void unknownTokenIs401() {
        assertThat(HITKEEP.get("/api/sites", Http.bearer("nope")).status()).isEqualTo(401);
        assertThat(HITKEEP.get("/api/sites", "X-API-Key", "nope").status()).isEqualTo(401);
    }

    @Test
    void bearerSchemeIsCaseInsensitiveAndXApiKeyWorksToo() {
        assertThat(HITKEEP.get("/api/sites", "Authorization", "bearer " + HitKeepDemo.TOKEN).status()).isEqualTo(200);
        assertThat(HITKEEP.get("/api/sites", "Authorization", "BEARER " + HitKeepDemo.TOKEN).status()).isEqualTo(200);
        assertThat(HITKEEP.get("/api/sites", "X-API-Key", HitKeepDemo.TOKEN).status()).isEqualTo(200);
    }

    @Test
    void bearerWinsOverXApiKey() {
        assertThat(HITKEEP.get("/api/sites", "Authorization", "Bearer wrong", "X-API-Key", HitKeepDemo.TOKEN).status())
                .isEqualTo(401);
        assertThat(HITKEEP.get("/api/sites", "Authorization", "Bearer " + HitKeepDemo.TOKEN, "X-API-Key", "wrong")
                .status())
                .isEqualTo(200);
        // A non-Bearer Authorization header does not hide the API key.
        assertThat(HITKEEP.get("/api/sites", "Authorization", "Basic Zm9vOmJhcg==", "X-API-Key", HitKeepDemo.TOKEN)
                .status())
                .isEqualTo(200);
    }

    @Test
    void siteListShowsOnlyGrantedSites() {
        assertThat(domains(HITKEEP.get("/api/sites", Http.bearer(HitKeepDemo.TOKEN))))
                .containsExactly(HitKeepDemo.SHOP_DOMAIN, HitKeepDemo.BLOG_DOMAIN, HitKeepDemo.DOCS_DOMAIN);
        assertThat(domains(HITKEEP.get("/api/sites", Http.bearer(HitKeepDemo.SHOP_TOKEN))))
                .containsExactly(HitKeepDemo.SHOP_DOMAIN);

        HITKEEP.fake().addToken("tok-nothing");
        assertThat(domains(HITKEEP.get("/api/sites", Http.bearer("tok-nothing")))).isEmpty();
    }

    @Test
    void siteObjectsHaveHitKeepsShape() {
        JsonNode site = json(HITKEEP.get("/api/sites", Http.bearer(HitKeepDemo.SHOP_TOKEN))).get(0);

        assertThat(site.get("id").asText()).isEqualTo(HitKeepDemo.SHOP_SITE_ID);
        assertThat(site.get("user_id").asText()).isEqualTo(HitKeepDemo.OWNER_USER_ID);
        assertThat(site.get("owner_email").asText()).isEqualTo(HitKeepDemo.OWNER_EMAIL);
        assertThat(site.get("data_retention_days").asInt()).isPositive();
        assertThat(site.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
    }

    @Test
    void tokenWithoutGrantForThePathSiteGetsAccessDenied() {
        Http.Reply r = HITKEEP.get(stats(HitKeepDemo.BLOG_SITE_ID), Http.bearer(HitKeepDemo.SHOP_TOKEN));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("Access denied\n");
    }

    @Test
    void grantWhoseRoleLacksThePermissionGetsForbidden() {
        Http.Reply r = HITKEEP.post("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/goals",
                "{\"name\":\"x\",\"type\":\"path\",\"value\":\"/x\"}",
                "Authorization", "Bearer " + HitKeepDemo.SHOP_TOKEN, "Origin", HITKEEP.fake().publicOrigin());

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("Forbidden\n");
    }

    @Test
    void addedTokenGetsExactlyItsGrants() {
        HITKEEP.fake().addToken("tok-alice", Grant.site(HitKeepDemo.BLOG_SITE_ID, Role.EDITOR));

        assertThat(HITKEEP.get(stats(HitKeepDemo.BLOG_SITE_ID), Http.bearer("tok-alice")).status()).isEqualTo(200);
        assertThat(HITKEEP.get(stats(HitKeepDemo.SHOP_SITE_ID), Http.bearer("tok-alice")).status()).isEqualTo(403);
        Http.Reply create = HITKEEP.post("/api/sites/" + HitKeepDemo.BLOG_SITE_ID + "/goals",
                "{\"name\":\"Docs\",\"type\":\"path\",\"value\":\"/docs\"}",
                "Authorization", "Bearer tok-alice", "Origin", HITKEEP.fake().publicOrigin());
        assertThat(create.status()).isEqualTo(201);
    }

    @Test
    void revokedTokenIs401() {
        HITKEEP.fake().addToken("tok-temp", Grant.allSites(Role.VIEWER));
        assertThat(HITKEEP.get("/api/sites", Http.bearer("tok-temp")).status()).isEqualTo(200);

        assertThat(HITKEEP.fake().revokeToken("tok-temp")).isTrue();

        assertThat(HITKEEP.get("/api/sites", Http.bearer("tok-temp")).status()).isEqualTo(401);
    }

    @Test
    void teamTokenIs401OnUserBoundRoutesButWorksElsewhere() {
        String[] team = Http.bearer(HitKeepDemo.TEAM_TOKEN);

        assertThat(HITKEEP.get(stats(HitKeepDemo.SHOP_SITE_ID), team).status()).isEqualTo(401);
        assertThat(HITKEEP.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/hits", team).status()).isEqualTo(401);
        assertThat(HITKEEP.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/hits/export", team).status())
                .isEqualTo(401);
        assertThat(HITKEEP.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/events/names", team).status())
                .isEqualTo(200);
        assertThat(HITKEEP.get("/api/sites", team).status()).isEqualTo(200);
    }

    @Test
    void teamTokenWithoutGrantStillGetsAccessDeniedFirst() {
        HITKEEP.fake().addTeamToken("tok-team-shop", Grant.site(HitKeepDemo.SHOP_SITE_ID, Role.VIEWER));

        assertThat(HITKEEP.get(stats(HitKeepDemo.BLOG_SITE_ID), Http.bearer("tok-team-shop")).body())
                .isEqualTo("Access denied\n");
    }

    @Test
    void sessionOnlyRoutesRefuseTokens() {
        Http.Reply r = HITKEEP.get("/api/auth/session", Http.bearer(HitKeepDemo.ADMIN_TOKEN));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("Unauthorized\n");
        assertThat(HITKEEP.get("/api/user/profile", "X-API-Key", HitKeepDemo.ADMIN_TOKEN).status()).isEqualTo(401);
    }

    @Test
    void malformedSiteIdIs400AndUnknownSiteIsSiteNotFoundForAnOwner() {
        assertThat(HITKEEP.get(stats("not-a-uuid"), Http.bearer(HitKeepDemo.TOKEN)).body())
                .isEqualTo("Invalid site ID\n");
        String unknown = "00000000-0000-4000-8000-000000000000";
        assertThat(HITKEEP.get(stats(unknown), Http.bearer(HitKeepDemo.SHOP_TOKEN)).body())
                .isEqualTo("Access denied\n");
        Http.Reply r = HITKEEP.get(stats(unknown), Http.bearer(HitKeepDemo.ADMIN_TOKEN));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("Site not found\n");
    }

    @Test
    void unknownRoutesAre404NotFound() {
        Http.Reply r = HITKEEP.get("/api/nope", Http.bearer(HitKeepDemo.TOKEN));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("Not found\n");
        assertThat(HITKEEP.get("/api/sites/" + HitKeepDemo.SHOP_SITE_ID + "/nope", Http.bearer(HitKeepDemo.TOKEN))
                .status())
                .isEqualTo(404);
    }

    @Test
    void statusIsPublic() {
        JsonNode status = json(HITKEEP.get("/api/status"));

        assertThat(status.get("version").asText()).isEqualTo(HitKeepDemo.VERSION);
        assertThat(status.get("needs_setup").asBoolean()).isFalse();
    }

    private static List<String> domains(Http.Reply r) {
        assertThat(r.status()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json(r).forEach(s -> out.add(s.get("domain").asText()));
        return out;
    }
}
