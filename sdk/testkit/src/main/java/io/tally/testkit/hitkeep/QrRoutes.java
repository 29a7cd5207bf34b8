package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.Model.QrCode;
import io.tally.testkit.hitkeep.Model.QrOpen;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** QR campaigns: list, detail, summary and open series, plus the public {@code /q/{token}} redirect. */
final class QrRoutes {
    private final FakeState state;

    QrRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/qr-codes").site(SitePermission.VIEW).to(this::list);
        t.route("GET", "/api/sites/{id}/qr-codes/{qrID}").site(SitePermission.VIEW)
                .to(c -> c.json(200, Json.qrCode(qr(c), state.publicOrigin)));
        t.route("GET", "/api/sites/{id}/qr-codes/{qrID}/summary").site(SitePermission.VIEW).to(this::summary);
        t.route("GET", "/api/sites/{id}/qr-codes/{qrID}/opens/timeseries").site(SitePermission.VIEW).to(this::opens);
        t.route("GET", "/q/{token}").auth(RouteTable.AuthMode.PUBLIC).limiter(RouteTable.Limiter.INGEST)
                .to(this::redirect);
    }

    private void list(Call c) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (QrCode qr : c.site().qrCodes) {
            out.add(Json.qrCode(qr, state.publicOrigin));
        }
        c.json(200, out);
    }

    private static QrCode qr(Call c) {
        String id = c.pathParam("qrID");
        if (!Labels.isUuid(id)) {
            throw HttpError.badRequest("Invalid QR code ID");
        }
        for (QrCode qr : c.site().qrCodes) {
            if (qr.id().equalsIgnoreCase(id)) {
                return qr;
            }
        }
        throw new HttpError(404, "QR code not found");
    }

    private void summary(Call c) throws IOException {
        QrCode qr = qr(c);
        Window w = Window.of(c, Window.Family.ANALYTICS);
        List<Hit> all = Analytics.hits(c.site(), c.now, w, List.of());
        Set<String> sessions = new java.util.HashSet<>();
        for (Hit h : all) {
            if (qr.id().equals(h.qrCodeId)) {
                sessions.add(h.sessionId);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Hit h : all) {
            if (sessions.contains(h.sessionId)) {
                hits.add(h);
            }
        }
        long opens = 0;
        for (QrOpen o : c.site().qrOpens(c.now)) {
            opens += o.qrCodeId().equals(qr.id()) && w.contains(o.timestamp()) ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("qr_code", Json.qrCode(qr, state.publicOrigin));
        out.put("open_count", opens);
        out.put("pageviews", hits.size());
        out.put("visitors", sessions.size());
        out.put("top_pages", Analytics.top(hits, h -> h.path, Analytics.TOP));
        out.put("top_referrers", Analytics.top(hits, h -> h.referrerLabel, Analytics.TOP));
        out.put("top_countries", Analytics.top(hits, h -> Labels.orUnknown(h.countryCode), Analytics.TOP));
        out.put("top_devices", Analytics.top(hits, h -> h.deviceLabel, Analytics.TOP));
        c.json(200, out);
    }

    private void opens(Call c) throws IOException {
        QrCode qr = qr(c);
        Window w = Window.of(c, Window.Family.ANALYTICS);
        List<Instant> times = new ArrayList<>();
        for (QrOpen o : c.site().qrOpens(c.now)) {
            if (o.qrCodeId().equals(qr.id()) && w.contains(o.timestamp())) {
                times.add(o.timestamp());
            }
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Analytics.CountPoint p : Analytics.countSeries(times, w)) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("time", p.time());
            point.put("opens", p.count());
            points.add(point);
        }
        c.json(200, points);
    }

    /** Records an open and sends the scanner to the destination with {@code hk_qr} appended (reference §5.4). */
    private void redirect(Call c) throws IOException {
        String token = c.pathParam("token");
        for (SiteData site : state.sites()) {
            for (QrCode qr : site.qrCodes) {
                if (qr.token().equals(token)) {
                    site.addQrOpen(new QrOpen(qr.id(), c.now));
                    StringBuilder target = new StringBuilder(qr.destinationUrl());
                    target.append(qr.destinationUrl().contains("?") ? '&' : '?');
                    appendParam(target, "utm_source", qr.utmSource());
                    appendParam(target, "utm_medium", qr.utmMedium());
                    appendParam(target, "utm_campaign", qr.utmCampaign());
                    target.append("hk_qr=").append(qr.id());
                    c.responseHeaders().set("Location", target.toString());
                    c.empty(302);
                    return;
                }
            }
        }
        throw HttpError.notFound();
    }

    private static void appendParam(StringBuilder sb, String name, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }
}
