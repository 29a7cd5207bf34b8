package io.tally.hitkeep.routes;

import static io.tally.hitkeep.routes.Part2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tally.hitkeep.Download;
import io.tally.hitkeep.ExportFormat;
import io.tally.hitkeep.model.QrCode;
import io.tally.hitkeep.model.QrCodeAsset;
import io.tally.hitkeep.model.QrCodeInput;
import io.tally.hitkeep.model.QrCodeOpenSeriesPoint;
import io.tally.hitkeep.model.QrCodeShareLink;
import io.tally.hitkeep.model.QrCodeSummary;
import io.tally.hitkeep.model.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Route cases for QR campaigns (26), including the share-token and public redirect routes. */
final class RouteCasesQr {
    private RouteCasesQr() {}

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @SuppressWarnings("unchecked")
    static void add(List<RouteCase> cases) {
        String qr = "/api/sites/" + SITE + "/qr-codes/" + QR;
        String shared = "/api/share/" + SHARE_TOKEN + "/sites/" + SITE + "/qr-codes";
        String qrShare = "/api/qr-share/" + QR_SHARE_TOKEN + "/qr-code";

        // ---- authenticated ----

        cases.add(RouteCase.get("/api/sites/{id}/qr-codes")
                .call(hk -> hk.qrCodes().list(SITE))
                .path("/api/sites/" + SITE + "/qr-codes")
                .respond(200, "[" + QR_CODE_JSON + "]")
                .check(r -> {
                    QrCode code = ((List<QrCode>) r).get(0);
                    assertThat(code.name()).isEqualTo("Spring flyer");
                    assertThat(code.customParams()).containsEntry("store", "berlin");
                    assertThat(code.style()).containsEntry("foreground", "#111111");
                    assertThat(code.updatedAt()).isEqualTo(Instant.parse("2026-05-20T14:40:11Z"));
                    assertThat(code.archived()).isFalse();
                }));

        cases.add(RouteCase.post("/api/sites/{id}/qr-codes")
                .call(hk -> hk.qrCodes().create(SITE,
                        QrCodeInput.builder("Spring flyer", "https://shop.example.com/spring")
                                .utmSource("flyer").utmMedium("print").utmCampaign("spring-2026")
                                .customParam("store", "berlin").build()))
                .path("/api/sites/" + SITE + "/qr-codes")
                .jsonBody("{\"name\":\"Spring flyer\",\"destination_url\":\"https://shop.example.com/spring\","
                        + "\"utm_source\":\"flyer\",\"utm_medium\":\"print\",\"utm_campaign\":\"spring-2026\","
                        + "\"custom_params\":{\"store\":\"berlin\"}}")
                .respond(201, QR_CODE_JSON)
                .check(r -> assertThat(((QrCode) r).redirectUrl())
                        .isEqualTo("https://analytics.example.com/q/Xk3v9Pq2")));

        cases.add(RouteCase.get("/api/sites/{id}/qr-codes/{qrID}")
                .call(hk -> hk.qrCodes().get(SITE, QR))
                .path(qr)
                .respond(200, QR_CODE_JSON)
                .check(r -> assertThat(((QrCode) r).hasAsset()).isTrue()));

        cases.add(RouteCase.patch("/api/sites/{id}/qr-codes/{qrID}")
                .call(hk -> hk.qrCodes().update(SITE, QR,
                        QrCodeInput.of("Spring flyer (v2)", "https://shop.example.com/spring-sale")))
                .path(qr)
                .jsonBody(
                        "{\"name\":\"Spring flyer (v2)\",\"destination_url\":\"https://shop.example.com/spring-sale\","
                                + "\"custom_params\":{}}")
                .respond(200,
                        QR_CODE_JSON.replace("https://shop.example.com/spring\"",
                                "https://shop.example.com/spring-sale\""))
                .check(r -> assertThat(((QrCode) r).destinationUrl())
                        .isEqualTo("https://shop.example.com/spring-sale")));

        cases.add(RouteCase.delete("/api/sites/{id}/qr-codes/{qrID}")
                .call(hk -> hk.qrCodes().archive(SITE, QR))
                .path(qr)
                .respond(204, "")
                .check(r -> assertThat(r).isNull()));

        cases.add(RouteCase.get("/api/sites/{id}/qr-codes/{qrID}/asset")
                .call(hk -> hk.qrCodes().asset(SITE, QR))
                .path(qr + "/asset")
                .respond(200, new String(PNG, StandardCharsets.ISO_8859_1))
                .respondContentType("image/png")
                .check(r -> {
                    Download d = (Download) r;
                    assertThat(d.contentType()).isEqualTo("image/png");
                    assertThat(d.inMemory()).isTrue();
                    assertThat(d.sizeBytes()).isGreaterThan(0);
                }));

        cases.add(RouteCase.put("/api/sites/{id}/qr-codes/{qrID}/asset")
                .call(hk -> hk.qrCodes().uploadAsset(SITE, QR, "flyer-logo.png",
                        "PNGDATA-flyer".getBytes(StandardCharsets.UTF_8)))
                .path(qr + "/asset")
                .bodyContains("Content-Disposition: form-data; name=\"asset\"; filename=\"flyer-logo.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\nPNGDATA-flyer\r\n--")
                .respond(200, "{\"qr_code_id\":\"" + QR + "\",\"site_id\":\"" + SITE
                        + "\",\"filename\":\"flyer-logo.png\","
                        + "\"content_type\":\"image/png\",\"byte_size\":13,\"width\":512,\"height\":512,"
                        + "\"checksum\":\"4f1c\",\"created_at\":\"2026-06-08T10:00:00Z\",\"updated_at\":\"2026-06-08T10:00:00Z\"}")
                .check(r -> {
                    QrCodeAsset a = (QrCodeAsset) r;
                    assertThat(a.contentType()).isEqualTo("image/png");
                    assertThat(a.width()).isEqualTo(512);
                    assertThat(a.byteSize()).isEqualTo(13);
                }));

        cases.add(RouteCase.delete("/api/sites/{id}/qr-codes/{qrID}/asset")
                .call(hk -> hk.qrCodes().deleteAsset(SITE, QR))
                .path(qr + "/asset")
                .respond(204, "")
                .check(r -> assertThat(r).isNull()));

        cases.add(RouteCase.get("/api/sites/{id}/qr-codes/{qrID}/opens/timeseries")
                .call(hk -> hk.qrCodes().opens(SITE, QR).range(WEEK))
                .path(qr + "/opens/timeseries")
                .query("from", FROM)
                .query("to", TO)
                .respond(200, OPENS_JSON)
                .check(r -> assertThat((List<QrCodeOpenSeriesPoint>) r).extracting(QrCodeOpenSeriesPoint::opens)
                        .containsExactly(57L, 61L)));

        cases.add(RouteCase.get("/api/sites/{id}/qr-codes/{qrID}/summary")
                .call(hk -> hk.qrCodes().summary(SITE, QR).from(Instant.parse(FROM)).to(Instant.parse(TO)))
                .path(qr + "/summary")
                .query("from", FROM)
                .query("to", TO)
                .respond(200, QR_SUMMARY_JSON)
                .check(r -> {
                    QrCodeSummary s = (QrCodeSummary) r;
                    assertThat(s.openCount()).isEqualTo(412);
                    assertThat(s.visitors()).isEqualTo(377);
                    assertThat(s.topPages().get(0).name()).isEqualTo("/spring");
                    assertThat(s.topCountries()).isEmpty();
                    assertThat(s.qrCode().id()).isEqualTo(QR);
                }));

        cases.add(RouteCase.get("/api/sites/{id}/qr-codes/{qrID}/takeout")
                .call(hk -> hk.qrCodes().takeout(SITE, QR).format(ExportFormat.CSV))
                .path(qr + "/takeout")
                .query("format", "csv")
                .respond(200, "section,key,value\nqr_code,name,Spring flyer\nopens,2026-06-01,57\n")
                .respondContentType("text/csv; charset=utf-8")
                .respondHeader("Content-Disposition", "attachment; filename=\"qr-spring-flyer-takeout.csv\"")
                .check(r -> {
                    Download d = (Download) r;
                    assertThat(d.fileName()).isEqualTo("qr-spring-flyer-takeout.csv");
                    assertThat(new String(d.bytes(), StandardCharsets.UTF_8)).contains("opens,2026-06-01,57");
                }));

        cases.add(RouteCase.get("/api/sites/{id}/qr-codes/{qrID}/share")
                .call(hk -> hk.qrCodes().shareLinks(SITE, QR))
                .path(qr + "/share")
                .respond(200,
                        "[{\"id\":\"" + SHARE_ID + "\",\"site_id\":\"" + SITE + "\",\"qr_code_id\":\"" + QR + "\","
                                + "\"token_hint\":\"q4Wn\",\"created_at\":\"2026-06-01T08:00:00Z\"}]")
                .check(r -> {
                    QrCodeShareLink l = ((List<QrCodeShareLink>) r).get(0);
                    assertThat(l.tokenHint()).isEqualTo("q4Wn");
                    assertThat(l.token()).isNull();
                }));

        cases.add(RouteCase.post("/api/sites/{id}/qr-codes/{qrID}/share")
                .call(hk -> hk.qrCodes().createShareLink(SITE, QR))
                .path(qr + "/share")
                .respond(201, "{\"id\":\"" + SHARE_ID + "\",\"site_id\":\"" + SITE + "\",\"qr_code_id\":\"" + QR + "\","
                        + "\"token_hint\":\"q4Wn\",\"url\":\"https://analytics.example.com/qr-share/" + QR_SHARE_TOKEN
                        + "\","
                        + "\"created_at\":\"2026-06-08T08:00:00Z\",\"token\":\"" + QR_SHARE_TOKEN + "\"}")
                .check(r -> {
                    QrCodeShareLink l = (QrCodeShareLink) r;
                    assertThat(l.token()).isEqualTo(QR_SHARE_TOKEN);
                    assertThat(l.toString()).doesNotContain(QR_SHARE_TOKEN);
                }));

        cases.add(RouteCase.delete("/api/sites/{id}/qr-codes/{qrID}/share/{shareID}")
                .call(hk -> hk.qrCodes().deleteShareLink(SITE, QR, SHARE_ID))
                .path(qr + "/share/" + SHARE_ID)
                .respond(204, "")
                .check(r -> assertThat(r).isNull()));

        cases.add(RouteCase.get("/q/{token}")
                .call(hk -> hk.qrCodes().open("Xk3v9Pq2").withoutRecordingOpen())
                .path("/q/Xk3v9Pq2")
                .noCredentials()
                .header("DNT", "1")
                .respond(302, "")
                .respondHeader("Location",
                        "https://shop.example.com/spring?hk_qr=" + QR + "&utm_medium=print&utm_source=flyer")
                .check(r -> {
                    Redirect redirect = (Redirect) r;
                    assertThat(redirect.statusCode()).isEqualTo(302);
                    assertThat(redirect.location()).startsWith("https://shop.example.com/spring?hk_qr=" + QR);
                }));

        // ---- through a site share link ----

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/qr-codes")
                .call(hk -> hk.shared(SHARE_TOKEN).qrCodes(SITE))
                .path(shared)
                .noCredentials()
                .respond(200, "[" + QR_CODE_JSON + "]")
                .check(r -> assertThat((List<QrCode>) r).extracting(QrCode::id).containsExactly(QR)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/qr-codes/{qrID}")
                .call(hk -> hk.shared(SHARE_TOKEN).qrCode(SITE, QR))
                .path(shared + "/" + QR)
                .noCredentials()
                .respond(200, QR_CODE_JSON)
                .check(r -> assertThat(((QrCode) r).utmCampaign()).isEqualTo("spring-2026")));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/qr-codes/{qrID}/asset")
                .call(hk -> hk.shared(SHARE_TOKEN).qrCodeAsset(SITE, QR))
                .path(shared + "/" + QR + "/asset")
                .noCredentials()
                .respond(200, "RIFF....WEBPVP8 ")
                .respondContentType("image/webp")
                .check(r -> assertThat(((Download) r).contentType()).isEqualTo("image/webp")));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/qr-codes/{qrID}/opens/timeseries")
                .call(hk -> hk.shared(SHARE_TOKEN).qrCodeOpens(SITE, QR).range(WEEK))
                .path(shared + "/" + QR + "/opens/timeseries")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .respond(200, OPENS_JSON)
                .check(r -> assertThat((List<QrCodeOpenSeriesPoint>) r).hasSize(2)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/qr-codes/{qrID}/summary")
                .call(hk -> hk.shared(SHARE_TOKEN).qrCodeSummary(SITE, QR).range(WEEK))
                .path(shared + "/" + QR + "/summary")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .respond(200, QR_SUMMARY_JSON)
                .check(r -> assertThat(((QrCodeSummary) r).pageviews()).isEqualTo(655)));

        cases.add(RouteCase.get("/api/share/{token}/sites/{id}/qr-codes/{qrID}/takeout")
                .call(hk -> hk.shared(SHARE_TOKEN).qrCodeTakeout(SITE, QR).format(ExportFormat.NDJSON))
                .path(shared + "/" + QR + "/takeout")
                .noCredentials()
                .query("format", "ndjson")
                .respond(200, "{\"section\":\"qr_code\",\"name\":\"Spring flyer\"}\n")
                .respondContentType("application/x-ndjson")
                .respondHeader("Content-Disposition", "attachment; filename*=UTF-8''qr%20takeout.ndjson")
                .check(r -> assertThat(((Download) r).fileName()).isEqualTo("qr takeout.ndjson")));

        // ---- through a QR-only share link ----

        cases.add(RouteCase.get("/api/qr-share/{token}/qr-code")
                .call(hk -> hk.sharedQrCode(QR_SHARE_TOKEN).get())
                .path(qrShare)
                .noCredentials()
                .respond(200, QR_CODE_JSON)
                .check(r -> assertThat(((QrCode) r).tokenHint()).isEqualTo("Xk3v")));

        cases.add(RouteCase.get("/api/qr-share/{token}/qr-code/asset")
                .call(hk -> hk.sharedQrCode(QR_SHARE_TOKEN).asset())
                .path(qrShare + "/asset")
                .noCredentials()
                .respond(200, "\u00ff\u00d8\u00ff\u00e0JFIF")
                .respondContentType("image/jpeg")
                .check(r -> assertThat(((Download) r).contentType()).isEqualTo("image/jpeg")));

        cases.add(RouteCase.get("/api/qr-share/{token}/qr-code/opens/timeseries")
                .call(hk -> hk.sharedQrCode(QR_SHARE_TOKEN).opens().range(WEEK))
                .path(qrShare + "/opens/timeseries")
                .noCredentials()
                .query("from", FROM)
                .query("to", TO)
                .respond(200, OPENS_JSON)
                .check(r -> assertThat(((List<QrCodeOpenSeriesPoint>) r).get(0).time())
                        .isEqualTo(Instant.parse(FROM))));

        cases.add(RouteCase.get("/api/qr-share/{token}/qr-code/summary")
                .call(hk -> hk.sharedQrCode(QR_SHARE_TOKEN).summary())
                .path(qrShare + "/summary")
                .noCredentials()
                .respond(200, QR_SUMMARY_JSON)
                .check(r -> assertThat(((QrCodeSummary) r).topDevices().get(0).value()).isEqualTo(341)));

        cases.add(RouteCase.get("/api/qr-share/{token}/qr-code/takeout")
                .call(hk -> hk.sharedQrCode(QR_SHARE_TOKEN).takeout())
                .path(qrShare + "/takeout")
                .noCredentials()
                .respond(200, "PK\u0003\u0004xlsx")
                .respondContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .respondHeader("Content-Disposition", "attachment; filename=\"qr-takeout.xlsx\"")
                .check(r -> assertThat(((Download) r).fileName()).isEqualTo("qr-takeout.xlsx")));
    }
}
