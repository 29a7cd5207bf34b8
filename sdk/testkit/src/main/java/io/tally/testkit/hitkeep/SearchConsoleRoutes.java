package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Model.Site;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Imported Google Search Console data (reference §7, Search Console): the site mapping status and the overview,
 * series, queries, pages and country/device breakdown reports. The demo store and docs site are mapped and synced;
 * the blog is not, so its reports answer {@code 412 Search Console property is not mapped}. Like HitKeep, the fake
 * never calls Google: the rows are generated from the seed, with the two-day delay Search Console data has.
 */
final class SearchConsoleRoutes {
    static final String TEAM_ID = "6d1f0c2e-8b3a-4f5d-9e7c-0a1b2c3d4e5f";
    private static final String DATA_SOURCE = "search_console";
    private static final Map<String, String> ALPHA2_TO_3 = Map.ofEntries(
            Map.entry("us", "usa"), Map.entry("de", "deu"), Map.entry("gb", "gbr"), Map.entry("fr", "fra"),
            Map.entry("nl", "nld"), Map.entry("in", "ind"), Map.entry("br", "bra"), Map.entry("jp", "jpn"),
            Map.entry("ca", "can"), Map.entry("es", "esp"), Map.entry("au", "aus"), Map.entry("pl", "pol"));

    record Row(LocalDate date, String query, String page, String country, String device, long clicks,
            long impressions, double positionTimesImpressions) {}

    private final FakeState state;
    private final Map<String, List<Row>> rows = new java.util.concurrent.ConcurrentHashMap<>();

    SearchConsoleRoutes(FakeState state) {
        this.state = state;
    }

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/integrations/google-search-console").site(SitePermission.VIEW).userBound()
                .to(this::mapping);
        t.route("GET", "/api/sites/{id}/search-console/overview").site(SitePermission.VIEW).to(this::overview);
        t.route("GET", "/api/sites/{id}/search-console/series").site(SitePermission.VIEW).to(this::series);
        t.route("GET", "/api/sites/{id}/search-console/queries").site(SitePermission.VIEW)
                .to(c -> dimension(c, "query", Row::query));
        t.route("GET", "/api/sites/{id}/search-console/pages").site(SitePermission.VIEW)
                .to(c -> dimension(c, "page", Row::page));
        t.route("GET", "/api/sites/{id}/search-console/breakdowns").site(SitePermission.VIEW).to(this::breakdown);
    }

    private static boolean mapped(Site site) {
        return site.id().equals(HitKeepDemo.SHOP_SITE_ID) || site.id().equals(HitKeepDemo.DOCS_SITE_ID);
    }

    /** The last day with imported data: Search Console lags about two days. */
    private LocalDate lastImportedDay() {
        return LocalDate.ofInstant(state.demoNow, ZoneOffset.UTC).minusDays(2);
    }

    private void mapping(Call c) throws IOException {
        Site site = c.site().site;
        boolean canManage = true;
        try {
            state.access.require(c.principal(), site.id(), SitePermission.MANAGE_TEAM);
        } catch (HttpError e) {
            canManage = false;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("site_id", site.id());
        out.put("team_id", TEAM_ID);
        out.put("mapped", mapped(site));
        out.put("can_manage", canManage);
        if (mapped(site)) {
            Instant synced = state.demoNow.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(3));
            out.put("property_uri", "sc-domain:" + site.domain());
            out.put("property_permission_level", "siteOwner");
            out.put("mapped_at", site.createdAt().plus(Duration.ofDays(30)));
            Map<String, Object> sync = new LinkedHashMap<>();
            sync.put("state", "succeeded");
            sync.put("manual", false);
            sync.put("imported_start_date", lastImportedDay().minusDays(DemoGenerator.HISTORY_DAYS).toString());
            sync.put("imported_end_date", lastImportedDay().toString());
            sync.put("last_attempt_at", synced);
            sync.put("last_success_at", synced);
            out.put("sync_status", sync);
        }
        c.json(200, out);
    }

    /** Rows in the window matching the {@code page}, {@code path}, {@code country} and {@code device} filters. */
    private List<Row> select(Call c) {
        if (!mapped(c.site().site)) {
            throw new HttpError(412, "Search Console property is not mapped");
        }
        Window w = Window.of(c, Window.Family.AI_FETCH);
        limit(c);
        LocalDate from = LocalDate.ofInstant(w.from(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(w.to(), ZoneOffset.UTC);
        String page = c.trimmedParam("page");
        String path = c.trimmedParam("path");
        String country = c.trimmedParam("country");
        if (country != null) {
            country = country.toLowerCase(Locale.ROOT);
            country = ALPHA2_TO_3.getOrDefault(country, country);
        }
        String device = c.trimmedParam("device");
        String origin = "https://" + c.site().site.domain();
        List<Row> out = new ArrayList<>();
        for (Row r : rows.computeIfAbsent(c.site().id(), k -> generate(c.site().site))) {
            if (r.date().isBefore(from) || r.date().isAfter(to)) {
                continue;
            }
            if ((page != null && !r.page().equals(page)) || (path != null && !r.page().equals(origin + path))
                    || (country != null && !r.country().equals(country))
                    || (device != null && !r.device().equalsIgnoreCase(device))) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    private static int limit(Call c) {
        String v = c.trimmedParam("limit");
        if (v == null) {
            return 10;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the error HitKeep sends for any bad limit
        }
        throw HttpError.badRequest("Invalid limit, expected integer between 1 and 100");
    }

    private static Map<String, Object> metrics(List<Row> rows) {
        long clicks = 0;
        long impressions = 0;
        double weighted = 0;
        for (Row r : rows) {
            clicks += r.clicks();
            impressions += r.impressions();
            weighted += r.positionTimesImpressions();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clicks", clicks);
        out.put("impressions", impressions);
        out.put("ctr", impressions == 0 ? 0.0 : Analytics.round((double) clicks / impressions, 4));
        out.put("average_position", impressions == 0 ? 0.0 : Analytics.round(weighted / impressions, 1));
        return out;
    }

    private void overview(Call c) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data_source", DATA_SOURCE);
        out.putAll(metrics(select(c)));
        c.json(200, out);
    }

    private void series(Call c) throws IOException {
        Map<LocalDate, List<Row>> byDay = new TreeMap<>();
        for (Row r : select(c)) {
            byDay.computeIfAbsent(r.date(), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> points = new ArrayList<>();
        byDay.forEach((day, rows) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("date", day.toString());
            p.putAll(metrics(rows));
            points.add(p);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data_source", DATA_SOURCE);
        out.put("series", points);
        c.json(200, out);
    }

    private void breakdown(Call c) throws IOException {
        String dimension = c.trimmedParam("dimension");
        if ("country".equals(dimension)) {
            dimension(c, "country", Row::country);
        } else if ("device".equals(dimension)) {
            dimension(c, "device", Row::device);
        } else {
            throw HttpError.badRequest("Invalid dimension");
        }
    }

    private void dimension(Call c, String dimension, Function<Row, String> key) throws IOException {
        List<Row> selected = select(c);
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : selected) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((value, rows) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", value);
            row.putAll(metrics(rows));
            out.add(row);
        });
        out.sort(Comparator.comparing((Map<String, Object> r) -> -(Long) r.getOrDefault("clicks", 0L))
                .thenComparing(r -> -(Long) r.getOrDefault("impressions", 0L))
                .thenComparing(r -> (String) r.get("value")));
        int limit = limit(c);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data_source", DATA_SOURCE);
        body.put("dimension", dimension);
        body.put("rows", out.size() > limit ? out.subList(0, limit) : out);
        c.json(200, body);
    }

    /** Daily rows per query, split across countries and devices, with click-through falling with position. */
    private List<Row> generate(Site site) {
        Random random = new Random(state.config.seed() * 131 + UUID.fromString(site.id()).getLeastSignificantBits());
        String origin = "https://" + site.domain();
        Object[][] queries = site.id().equals(HitKeepDemo.SHOP_SITE_ID)
                ? new Object[][] {
                        {"trail running shoes", "/products/trail-runner-shoes", 260.0, 4.2},
                        {"merino hoodie", "/products/merino-hoodie", 140.0, 6.8},
                        {"waterproof rain jacket", "/products/rain-jacket", 210.0, 11.5},
                        {"hiking socks 3 pack", "/products/hiking-socks", 90.0, 8.1},
                        {"outdoor gear sale", "/sale", 320.0, 14.3},
                        {"shop example", "/", 60.0, 1.3},
                        {"free shipping outdoor store", "/shipping", 75.0, 9.7}}
                : new Object[][] {
                        {"example project getting started", "/docs/getting-started", 180.0, 2.1},
                        {"example install docker", "/docs/installation", 150.0, 3.4},
                        {"example api reference", "/reference/api", 220.0, 1.8},
                        {"example configuration yaml", "/docs/configuration", 95.0, 5.6},
                        {"migrate to example", "/guides/migrating", 70.0, 7.9},
                        {"example cli flags", "/reference/cli", 55.0, 4.4}};
        String[] countries = {"usa", "deu", "gbr", "ind", "fra", "can"};
        double[] countryShare = {0.38, 0.2, 0.14, 0.12, 0.09, 0.07};
        String[] devices = {"DESKTOP", "MOBILE", "TABLET"};
        double[] deviceShare = site.id().equals(HitKeepDemo.DOCS_SITE_ID) ? new double[] {0.8, 0.17, 0.03}
                : new double[] {0.52, 0.42, 0.06};
        List<Row> out = new ArrayList<>();
        LocalDate last = lastImportedDay();
        for (LocalDate day = last.minusDays(DemoGenerator.HISTORY_DAYS); !day.isAfter(last); day = day.plusDays(1)) {
            for (Object[] q : queries) {
                double dailyImpressions = (Double) q[2] * (0.75 + random.nextDouble() * 0.5);
                for (int ci = 0; ci < countries.length; ci++) {
                    for (int di = 0; di < devices.length; di++) {
                        long impressions = Math.round(dailyImpressions * countryShare[ci] * deviceShare[di]
                                * (0.7 + random.nextDouble() * 0.6));
                        if (impressions == 0) {
                            continue;
                        }
                        double position = Math.max(1.0, (Double) q[3] + random.nextGaussian() * 1.2);
                        double ctr = Math.min(0.6, 0.32 / Math.pow(position, 1.1));
                        long clicks = Math.round(impressions * ctr * (0.8 + random.nextDouble() * 0.4));
                        out.add(new Row(day, (String) q[0], origin + q[1], countries[ci], devices[di], clicks,
                                impressions, position * impressions));
                    }
                }
            }
        }
        return out;
    }
}
