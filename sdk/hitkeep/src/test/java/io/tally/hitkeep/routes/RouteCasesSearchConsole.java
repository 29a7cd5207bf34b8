package io.tally.hitkeep.routes;

import static io.tally.hitkeep.routes.Part2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tally.hitkeep.CloudSignupVerification;
import io.tally.hitkeep.model.CloudPlan;
import io.tally.hitkeep.model.CloudPlanCode;
import io.tally.hitkeep.model.CloudSignup;
import io.tally.hitkeep.model.CloudSignupResult;
import io.tally.hitkeep.model.Redirect;
import io.tally.hitkeep.model.SearchConsoleDimension;
import io.tally.hitkeep.model.SearchConsoleDimensionReport;
import io.tally.hitkeep.model.SearchConsoleOverview;
import io.tally.hitkeep.model.SearchConsoleProperty;
import io.tally.hitkeep.model.SearchConsoleSeries;
import io.tally.hitkeep.model.SearchConsoleSiteMapping;
import io.tally.hitkeep.model.SearchConsoleTeamStatus;
import io.tally.hitkeep.model.Status;
import java.time.LocalDate;
import java.util.List;

/** Route cases for Search Console (14) and HitKeep Cloud (5). */
final class RouteCasesSearchConsole {
    private RouteCasesSearchConsole() {}

    static final String MAPPING_JSON = "{\"site_id\":\"" + SITE + "\",\"team_id\":\"" + TEAM + "\",\"mapped\":true,"
            + "\"property_uri\":\"sc-domain:shop.example.com\",\"property_permission_level\":\"siteOwner\","
            + "\"mapped_at\":\"2026-04-02T08:00:00Z\",\"can_manage\":true,\"sync_status\":{\"state\":\"succeeded\","
            + "\"imported_start_date\":\"2025-03-01\",\"imported_end_date\":\"2026-06-06\","
            + "\"last_success_at\":\"2026-06-07T03:00:00Z\",\"manual\":false}}";

    static final String DIMENSION_JSON = "{\"data_source\":\"google_search_console\",\"dimension\":\"%s\",\"rows\":["
            + "{\"value\":\"%s\",\"clicks\":120,\"impressions\":3400,\"ctr\":0.0353,\"average_position\":6.4}]}";

    @SuppressWarnings("unchecked")
    static void add(List<RouteCase> cases) {
        String site = "/api/sites/" + SITE;
        String team = "/api/user/teams/" + TEAM + "/integrations/google-search-console";

        cases.add(RouteCase.get("/api/sites/{id}/integrations/google-search-console")
                .call(hk -> hk.searchConsole().mapping(SITE))
                .path(site + "/integrations/google-search-console")
                .respond(200, MAPPING_JSON)
                .check(r -> {
                    SearchConsoleSiteMapping m = (SearchConsoleSiteMapping) r;
                    assertThat(m.mapped()).isTrue();
                    assertThat(m.syncStatus().importedEndDate()).isEqualTo(LocalDate.of(2026, 6, 6));
                    assertThat(m.syncStatus().state()).isEqualTo("succeeded");
                }));

        cases.add(RouteCase.put("/api/sites/{id}/integrations/google-search-console/property")
                .call(hk -> hk.searchConsole().mapProperty(SITE, "sc-domain:shop.example.com"))
                .path(site + "/integrations/google-search-console/property")
                .jsonBody("{\"property_uri\":\"sc-domain:shop.example.com\"}")
                .respond(200, MAPPING_JSON)
                .check(r -> assertThat(((SearchConsoleSiteMapping) r).propertyUri())
                        .isEqualTo("sc-domain:shop.example.com")));

        cases.add(RouteCase.delete("/api/sites/{id}/integrations/google-search-console/property")
                .call(hk -> hk.searchConsole().unmapProperty(SITE))
                .path(site + "/integrations/google-search-console/property")
                .respond(200,
                        "{\"site_id\":\"" + SITE + "\",\"team_id\":\"" + TEAM
                                + "\",\"mapped\":false,\"can_manage\":true}")
                .check(r -> {
                    SearchConsoleSiteMapping m = (SearchConsoleSiteMapping) r;
                    assertThat(m.mapped()).isFalse();
                    assertThat(m.syncStatus()).isNull();
                }));

        cases.add(RouteCase.post("/api/sites/{id}/integrations/google-search-console/sync")
                .call(hk -> hk.searchConsole().sync(SITE))
                .path(site + "/integrations/google-search-console/sync")
                .respond(200,
                        MAPPING_JSON.replace("\"succeeded\"", "\"pending\"").replace("\"manual\":false",
                                "\"manual\":true"))
                .check(r -> assertThat(((SearchConsoleSiteMapping) r).syncStatus().manual()).isTrue()));

        cases.add(RouteCase.get("/api/sites/{id}/search-console/overview")
                .call(hk -> hk.searchConsole().overview(SITE).range(WEEK).path("/pricing").country("deu")
                        .device("mobile"))
                .path(site + "/search-console/overview")
                .query("from", FROM)
                .query("to", TO)
                .query("path", "/pricing")
                .query("country", "deu")
                .query("device", "mobile")
                .respond(200, "{\"data_source\":\"google_search_console\",\"clicks\":1520,\"impressions\":48210,"
                        + "\"ctr\":0.0315,\"average_position\":9.8}")
                .check(r -> {
                    SearchConsoleOverview o = (SearchConsoleOverview) r;
                    assertThat(o.clicks()).isEqualTo(1520);
                    assertThat(o.averagePosition()).isEqualTo(9.8);
                }));

        cases.add(RouteCase.get("/api/sites/{id}/search-console/series")
                .call(hk -> hk.searchConsole().series(SITE).range(WEEK))
                .path(site + "/search-console/series")
                .query("from", FROM)
                .query("to", TO)
                .respond(200,
                        "{\"data_source\":\"google_search_console\",\"series\":[{\"date\":\"2026-06-01\",\"clicks\":210,"
                                + "\"impressions\":6900,\"ctr\":0.0304,\"average_position\":10.1}]}")
                .check(r -> {
                    SearchConsoleSeries s = (SearchConsoleSeries) r;
                    assertThat(s.series().get(0).date()).isEqualTo(LocalDate.of(2026, 6, 1));
                    assertThat(s.series().get(0).impressions()).isEqualTo(6900);
                }));

        cases.add(RouteCase.get("/api/sites/{id}/search-console/queries")
                .call(hk -> hk.searchConsole().queries(SITE).limit(25).page("https://shop.example.com/pricing"))
                .path(site + "/search-console/queries")
                .query("limit", "25")
                .query("page", "https://shop.example.com/pricing")
                .respond(200, String.format(DIMENSION_JSON, "query", "trail running shoes"))
                .check(r -> {
                    SearchConsoleDimensionReport d = (SearchConsoleDimensionReport) r;
                    assertThat(d.dimension()).isEqualTo("query");
                    assertThat(d.rows().get(0).value()).isEqualTo("trail running shoes");
                }));

        cases.add(RouteCase.get("/api/sites/{id}/search-console/pages")
                .call(hk -> hk.searchConsole().pages(SITE).limit(10))
                .path(site + "/search-console/pages")
                .query("limit", "10")
                .respond(200, String.format(DIMENSION_JSON, "page", "https://shop.example.com/pricing"))
                .check(r -> assertThat(((SearchConsoleDimensionReport) r).rows().get(0).ctr()).isEqualTo(0.0353)));

        cases.add(RouteCase.get("/api/sites/{id}/search-console/breakdowns")
                .call(hk -> hk.searchConsole().breakdown(SITE, SearchConsoleDimension.DEVICE).range(WEEK))
                .path(site + "/search-console/breakdowns")
                .query("dimension", "device")
                .query("from", FROM)
                .query("to", TO)
                .respond(200, String.format(DIMENSION_JSON, "device", "MOBILE"))
                .check(r -> assertThat(((SearchConsoleDimensionReport) r).rows().get(0).clicks()).isEqualTo(120)));

        cases.add(RouteCase.get("/api/user/teams/{id}/integrations/google-search-console/status")
                .call(hk -> hk.searchConsole().teamStatus(TEAM))
                .withSession()
                .path(team + "/status")
                .respond(200,
                        "{\"status\":\"connected\",\"configured\":true,\"connected\":true,\"credential_status\":\"configured\","
                                + "\"connected_account_label\":\"seo@example.com\",\"last_connected_at\":\"2026-04-01T10:00:00Z\","
                                + "\"needs_admin_action\":false,\"can_manage\":true,\"managed_credentials_mode\":\"self_hosted\"}")
                .check(r -> {
                    SearchConsoleTeamStatus s = (SearchConsoleTeamStatus) r;
                    assertThat(s.connected()).isTrue();
                    assertThat(s.connectedAccountLabel()).isEqualTo("seo@example.com");
                    assertThat(s.lastDisconnectedAt()).isNull();
                }));

        cases.add(RouteCase.get("/api/user/teams/{id}/integrations/google-search-console/properties")
                .call(hk -> hk.searchConsole().properties(TEAM))
                .withSession()
                .path(team + "/properties")
                .respond(200,
                        "{\"properties\":[{\"uri\":\"sc-domain:shop.example.com\",\"permission_level\":\"siteOwner\"},"
                                + "{\"uri\":\"https://blog.example.com/\",\"permission_level\":\"siteFullUser\"}]}")
                .check(r -> assertThat((List<SearchConsoleProperty>) r).extracting(SearchConsoleProperty::uri)
                        .containsExactly("sc-domain:shop.example.com", "https://blog.example.com/")));

        cases.add(RouteCase.post("/api/user/teams/{id}/integrations/google-search-console/connect")
                .call(hk -> hk.searchConsole().connect(TEAM, "/settings/integrations"))
                .withSession()
                .path(team + "/connect")
                .jsonBody("{\"return_path\":\"/settings/integrations\"}")
                .respond(200,
                        "{\"auth_url\":\"https://accounts.google.com/o/oauth2/v2/auth?client_id=abc&state=st4te\"}")
                .check(r -> assertThat((String) r).startsWith("https://accounts.google.com/o/oauth2/v2/auth")));

        cases.add(RouteCase.delete("/api/user/teams/{id}/integrations/google-search-console")
                .call(hk -> hk.searchConsole().disconnect(TEAM))
                .withSession()
                .path(team)
                .respond(200, "{\"status\":\"ok\"}")
                .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")));

        cases.add(RouteCase.get("/api/integrations/google-search-console/oauth/callback")
                .call(hk -> hk.searchConsole().completeOAuth("st4te", "4/0AbCdEf"))
                .withSession()
                .path("/api/integrations/google-search-console/oauth/callback")
                .query("state", "st4te")
                .query("code", "4/0AbCdEf")
                .respond(302, "")
                .respondHeader("Location", "/settings/integrations?gsc=connected")
                .check(r -> assertThat(((Redirect) r).location()).isEqualTo("/settings/integrations?gsc=connected")));

        // ---- HitKeep Cloud ----

        cases.add(RouteCase.get("/api/cloud/plans")
                .call(hk -> hk.cloud().plans())
                .noCredentials()
                .path("/api/cloud/plans")
                .respond(200, "[{\"code\":\"free\",\"name\":\"Free\",\"entitlements\":{\"max_sites_per_team\":3,"
                        + "\"max_team_members\":3,\"max_retention_days\":60,\"allow_sso\":false,\"allow_custom_branding\":false}},"
                        + "{\"code\":\"business\",\"name\":\"Business\",\"entitlements\":{\"max_sites_per_team\":50,"
                        + "\"max_team_members\":20,\"max_retention_days\":1095,\"allow_sso\":true,\"allow_custom_branding\":true}}]")
                .check(r -> {
                    List<CloudPlan> plans = (List<CloudPlan>) r;
                    assertThat(plans).extracting(CloudPlan::code).containsExactly("free", "business");
                    assertThat(plans.get(1).entitlements().maxRetentionDays()).isEqualTo(1095);
                    assertThat(plans.get(1).entitlements().allowSso()).isTrue();
                }));

        cases.add(RouteCase.post("/api/cloud/signup")
                .call(hk -> hk.cloud()
                        .signup(CloudSignup.of("ada@example.com", "correct horse battery", "Analytical Engines",
                                CloudPlanCode.FREE).withNames("Ada", "Lovelace").withRegion("EU", "en")))
                .noCredentials()
                .path("/api/cloud/signup")
                .jsonBody(
                        "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\",\"team_name\":\"Analytical Engines\","
                                + "\"plan_code\":\"free\",\"given_name\":\"Ada\",\"last_name\":\"Lovelace\",\"jurisdiction\":\"EU\",\"locale\":\"en\"}")
                .respond(201, "{\"status\":\"verification_sent\",\"plan_code\":\"free\"}")
                .check(r -> {
                    CloudSignupResult s = (CloudSignupResult) r;
                    assertThat(s.status()).isEqualTo("verification_sent");
                    assertThat(s.checkoutUrl()).isNull();
                }));

        cases.add(RouteCase.get("/api/cloud/signup/verify")
                .call(hk -> hk.cloud().verifySignup("v3rify-t0ken"))
                .noCredentials()
                .path("/api/cloud/signup/verify")
                .query("token", "v3rify-t0ken")
                .respond(302, "")
                .respondHeader("Location", "https://app.hitkeep.example/dashboard")
                .respondHeader("Set-Cookie", "hk_token=eyJhbGciOiJIUzI1NiJ9.new.sig; Path=/; HttpOnly; SameSite=Lax")
                .check(r -> {
                    CloudSignupVerification v = (CloudSignupVerification) r;
                    assertThat(v.verified()).isTrue();
                    assertThat(v.session().get().token()).isEqualTo("eyJhbGciOiJIUzI1NiJ9.new.sig");
                    assertThat(v.redirect().location()).endsWith("/dashboard");
                    assertThat(v.toString()).doesNotContain("eyJhbGciOiJIUzI1NiJ9");
                }));

        cases.add(RouteCase.post("/api/cloud/billing/checkout")
                .call(hk -> hk.cloud().billingCheckout(CloudPlanCode.PRO, "de"))
                .withSession()
                .path("/api/cloud/billing/checkout")
                .jsonBody("{\"plan_code\":\"pro\",\"locale\":\"de\"}")
                .respond(200, "{\"url\":\"https://checkout.stripe.com/c/pay/cs_test_a1\"}")
                .check(r -> assertThat((String) r).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1")));

        cases.add(RouteCase.post("/api/cloud/billing/portal")
                .call(hk -> hk.cloud().billingPortal(null))
                .withSession()
                .path("/api/cloud/billing/portal")
                .jsonBody("{}")
                .respond(200, "{\"url\":\"https://billing.stripe.com/p/session/test_b2\"}")
                .check(r -> assertThat((String) r).startsWith("https://billing.stripe.com/")));
    }
}
