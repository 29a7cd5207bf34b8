package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.DemoData.SiteSeed;
import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Funnel;
import io.tally.testkit.hitkeep.Model.FunnelStep;
import io.tally.testkit.hitkeep.Model.Goal;
import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.Model.QrCode;
import io.tally.testkit.hitkeep.Model.QrOpen;
import io.tally.testkit.hitkeep.Model.Site;
import io.tally.testkit.hitkeep.Model.VitalSample;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Generates the demo dataset from a seed and a "now". Sessions are drawn hour by hour with a daily rhythm, a
 * weekly rhythm and a slow upward trend; each session walks a site-specific journey and fires the events that
 * journey implies, so goals, funnels and ecommerce numbers agree with the raw hits.
 *
 * <p>Data is generated up to one hour past "now"; the fake only shows what is not in the future of its clock, so
 * with a running clock the demo keeps receiving traffic for an hour.
 */
final class DemoGenerator {
    static final int HISTORY_DAYS = 60;

    private static final Map<String, DemoData> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DemoData> eldest) {
            return size() > 2;
        }
    };

    private static final double[] HOUR_WEIGHTS = {
            1.0, 0.7, 0.5, 0.4, 0.4, 0.5, 0.8, 1.2, 1.6, 1.9, 2.0, 1.9,
            1.8, 1.8, 1.7, 1.7, 1.6, 1.6, 1.7, 1.8, 1.6, 1.3, 1.0, 0.8};
    private static final double HOUR_WEIGHT_SUM = Arrays.stream(HOUR_WEIGHTS).sum();

    /** The generated data for a seed and now; generated once and shared, since it is immutable. */
    static DemoData demo(long seed, Instant now) {
        String key = seed + "@" + now;
        synchronized (CACHE) {
            DemoData cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        DemoData data = new DemoGenerator(seed, now).generate();
        synchronized (CACHE) {
            CACHE.put(key, data);
        }
        return data;
    }

    private final long seed;
    private final Instant now;
    private final Instant start;
    private final Instant horizon;

    private DemoGenerator(long seed, Instant now) {
        this.seed = seed;
        this.now = now;
        this.start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(HISTORY_DAYS));
        this.horizon = now.plus(Duration.ofHours(1));
    }

    private DemoData generate() {
        List<SiteSeed> sites = new ArrayList<>();
        sites.add(new SiteGen(SiteKind.SHOP, HitKeepDemo.SHOP_SITE_ID, HitKeepDemo.SHOP_DOMAIN, 420, 44, 10).run());
        sites.add(new SiteGen(SiteKind.BLOG, HitKeepDemo.BLOG_SITE_ID, HitKeepDemo.BLOG_DOMAIN, 730, 26, 16).run());
        sites.add(new SiteGen(SiteKind.DOCS, HitKeepDemo.DOCS_SITE_ID, HitKeepDemo.DOCS_DOMAIN, 365, 18, 38).run());
        return new DemoData(seed, now, Collections.unmodifiableList(sites));
    }

    static String uuid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private enum SiteKind {
        SHOP, BLOG, DOCS
    }

    private record Geo(String country, String region, String city, String provider, int asn, String asnOrg,
            String language) {}

    private record Client(String userAgent, int viewportWidth, int viewportHeight, int screenWidth, int screenHeight) {}

    private record Source(String referrer, @Nullable String utmSource, @Nullable String utmMedium,
            @Nullable String utmCampaign, @Nullable String utmTerm, @Nullable String utmContent,
            @Nullable String landing) {
        static Source ref(String referrer) {
            return new Source(referrer, null, null, null, null, null, null);
        }

        static Source utm(String referrer, String source, String medium, String campaign, @Nullable String term,
                @Nullable String content, @Nullable String landing) {
            return new Source(referrer, source, medium, campaign, term, content, landing);
        }
    }

    private record Product(String slug, String itemId, String itemName, double price) {
        String path() {
            return "/products/" + slug;
        }
    }

    private record Visit(String path, List<PendingEvent> events) {}

    private record PendingEvent(String name, Map<String, Object> properties) {}

    private static final List<Product> PRODUCTS = Arrays.asList(
            new Product("trail-runner-shoes", "SKU-TRS-001", "Trail Runner Shoes", 129.0),
            new Product("merino-hoodie", "SKU-MRH-002", "Merino Hoodie", 89.0),
            new Product("rain-jacket", "SKU-RJK-003", "Rain Jacket", 159.0),
            new Product("hiking-socks", "SKU-HKS-004", "Hiking Socks (3-pack)", 19.9));

    private static final Weighted<Geo> GEOS = Weighted.<Geo>of()
            .add(new Geo("US", "NY", "New York", "Comcast Cable", 7922, "Comcast Cable Communications", "en-US"), 10)
            .add(new Geo("US", "CA", "San Francisco", "Comcast Cable", 7922, "Comcast Cable Communications", "en-US"),
                    8)
            .add(new Geo("US", "IL", "Chicago", "Verizon", 701, "Verizon Business", "en-US"), 6)
            .add(new Geo("US", "TX", "Austin", "AT&T", 7018, "AT&T Services", "en-US"), 4)
            .add(new Geo("DE", "BE", "Berlin", "Deutsche Telekom", 3320, "Deutsche Telekom AG", "de-DE"), 8)
            .add(new Geo("DE", "BY", "Munich", "Vodafone", 3209, "Vodafone GmbH", "de-DE"), 6)
            .add(new Geo("DE", "HH", "Hamburg", "Deutsche Telekom", 3320, "Deutsche Telekom AG", "en-US"), 3)
            .add(new Geo("GB", "ENG", "London", "BT", 2856, "British Telecommunications PLC", "en-GB"), 7)
            .add(new Geo("GB", "ENG", "Manchester", "Virgin Media", 5089, "Virgin Media Limited", "en-GB"), 3)
            .add(new Geo("FR", "IDF", "Paris", "Orange", 3215, "Orange S.A.", "fr-FR"), 5)
            .add(new Geo("FR", "ARA", "Lyon", "Free", 12322, "Free SAS", "fr-FR"), 2)
            .add(new Geo("NL", "NH", "Amsterdam", "KPN", 1136, "KPN B.V.", "nl-NL"), 4)
            .add(new Geo("IN", "KA", "Bengaluru", "Reliance Jio", 55836, "Reliance Jio Infocomm Limited", "en-IN"), 5)
            .add(new Geo("IN", "MH", "Mumbai", "Airtel", 24560, "Bharti Airtel Ltd.", "en-IN"), 2)
            .add(new Geo("BR", "SP", "São Paulo", "Claro", 28573, "Claro NXT Telecomunicacoes Ltda", "pt-BR"), 4)
            .add(new Geo("JP", "13", "Tokyo", "NTT", 4713, "NTT Communications Corporation", "ja-JP"), 3)
            .add(new Geo("CA", "ON", "Toronto", "Rogers", 812, "Rogers Communications Canada Inc.", "en-CA"), 3)
            .add(new Geo("CA", "QC", "Montreal", "Bell Canada", 577, "Bell Canada", "fr-CA"), 1)
            .add(new Geo("ES", "MD", "Madrid", "Telefonica", 3352, "Telefonica de Espana", "es-ES"), 3)
            .add(new Geo("AU", "NSW", "Sydney", "Telstra", 1221, "Telstra Limited", "en-AU"), 2)
            .add(new Geo("PL", "14", "Warsaw", "Orange Polska", 5617, "Orange Polska Spolka Akcyjna", "pl-PL"), 2)
            .add(new Geo("", "", "", "", 0, "", ""), 1);

    private static final Weighted<String> DESKTOP_UAS = Weighted.<String>of()
            .add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                    42)
            .add("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
                    20)
            .add("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0", 15)
            .add("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
                    14)
            .add("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                    9);
    private static final Weighted<String> MOBILE_UAS = Weighted.<String>of()
            .add("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                    58)
            .add("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
                    36)
            .add("Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0", 6);
    private static final Weighted<String> TABLET_UAS = Weighted.<String>of()
            .add("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                    70)
            .add("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                    30);

    static final List<String[]> AI_AGENTS = Arrays.asList(
            new String[] {"GPTBot", "OpenAI",
                    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; GPTBot/1.2; +https://openai.com/gptbot"},
            new String[] {"OAI-SearchBot", "OpenAI",
                    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; OAI-SearchBot/1.0; +https://openai.com/searchbot"},
            new String[] {"ChatGPT-User", "OpenAI",
                    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot"},
            new String[] {"ClaudeBot", "Anthropic",
                    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)"},
            new String[] {"Claude-User", "Anthropic",
                    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Claude-User/1.0; +Claude-User@anthropic.com)"},
            new String[] {"PerplexityBot", "Perplexity",
                    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; PerplexityBot/1.0; +https://perplexity.ai/perplexitybot)"},
            new String[] {"Meta-ExternalAgent", "Meta",
                    "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)"});
    private static final double[] AI_AGENT_WEIGHTS = {30, 10, 12, 20, 5, 15, 8};

    private static final Map<String, String[]> AGENT_CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String[] NOT_AN_AGENT = new String[0];

    /** The AI agent a user agent belongs to, as {name, family, user agent}, or {@code null} when it is not a known AI bot. */
    static String @Nullable [] aiAgent(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return null;
        }
        String[] cached = AGENT_CACHE.get(userAgent);
        if (cached == null) {
            cached = NOT_AN_AGENT;
            String lower = userAgent.toLowerCase(Locale.ROOT);
            for (String[] agent : AI_AGENTS) {
                if (lower.contains(agent[0].toLowerCase(Locale.ROOT))) {
                    cached = agent;
                    break;
                }
            }
            if (AGENT_CACHE.size() < 10_000) {
                AGENT_CACHE.put(userAgent, cached);
            }
        }
        return cached == NOT_AN_AGENT ? null : cached;
    }

    /** Generates one site. */
    private final class SiteGen {
        private final SiteKind kind;
        private final String siteId;
        private final String domain;
        private final int ageDays;
        private final double sessionsPerDay;
        private final double aiFetchesPerDay;
        private final Random random;

        private final List<Hit> hits = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();
        private final List<VitalSample> vitals = new ArrayList<>();
        private final List<AiFetch> aiFetches = new ArrayList<>();
        private final List<QrOpen> qrOpens = new ArrayList<>();
        private final List<QrCode> qrCodes = new ArrayList<>();
        private final List<Goal> goals = new ArrayList<>();
        private final List<Funnel> funnels = new ArrayList<>();
        private int orderNumber = 10_000;

        SiteGen(SiteKind kind, String siteId, String domain, int ageDays, double sessionsPerDay,
                double aiFetchesPerDay) {
            this.kind = kind;
            this.siteId = siteId;
            this.domain = domain;
            this.ageDays = ageDays;
            this.sessionsPerDay = sessionsPerDay;
            this.aiFetchesPerDay = aiFetchesPerDay;
            this.random = new Random(seed * 31 + kind.ordinal() * 1_000_003L);
        }

        SiteSeed run() {
            Instant created = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(ageDays))
                    .plus(Duration.ofHours(9));
            Site site = new Site(siteId, HitKeepDemo.OWNER_USER_ID, domain, HitKeepDemo.OWNER_EMAIL,
                    kind == SiteKind.BLOG ? 730 : 365, created);
            // Configuration first, from its own random stream, so ids stay the same whatever "now" is.
            Random config = new Random(seed ^ (0x5DEECE66DL * (kind.ordinal() + 1)));
            defineGoalsAndFunnels(config, created);
            defineQrCodes(config, created);

            long days = Duration.between(start, horizon).toDays() + 1;
            for (Instant hour = start; hour.isBefore(horizon); hour = hour.plus(Duration.ofHours(1))) {
                int hourOfDay = hour.atZone(ZoneOffset.UTC).getHour();
                long dayIndex = Duration.between(start, hour).toDays();
                double expected = sessionsPerDay * HOUR_WEIGHTS[hourOfDay] / HOUR_WEIGHT_SUM
                        * weekdayFactor(hour) * (0.8 + 0.4 * dayIndex / days) * dayNoise(hour);
                int sessions = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
                for (int i = 0; i < sessions; i++) {
                    Instant sessionStart = hour.plusMillis((long) (random.nextDouble() * 3_600_000L));
                    if (sessionStart.isBefore(horizon)) {
                        session(sessionStart, pickSource(), null);
                    }
                }
                aiFetches(hour);
            }
            qrTraffic();

            Comparator<Hit> byTime = Comparator.comparing(h -> h.timestamp);
            hits.sort(byTime);
            events.sort(Comparator.comparing(Event::timestamp));
            vitals.sort(Comparator.comparing(VitalSample::timestamp));
            aiFetches.sort(Comparator.comparing(AiFetch::timestamp));
            qrOpens.sort(Comparator.comparing(QrOpen::timestamp));
            return new SiteSeed(site, freeze(hits), freeze(events), freeze(vitals), freeze(aiFetches),
                    freeze(qrCodes), freeze(qrOpens), freeze(goals), freeze(funnels));
        }

        private double weekdayFactor(Instant t) {
            DayOfWeek day = t.atZone(ZoneOffset.UTC).getDayOfWeek();
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            if (kind == SiteKind.SHOP) {
                return weekend ? 1.1 : 0.95;
            }
            return weekend ? 0.65 : 1.08;
        }

        /** A per-day factor that is the same for every hour of the day. */
        private double dayNoise(Instant t) {
            long day = t.getEpochSecond() / 86_400;
            Random r = new Random(seed * 7919 + day * 104_729 + kind.ordinal());
            double noise = 0.82 + r.nextDouble() * 0.36;
            // One good day per fortnight: a newsletter or a Hacker News front page.
            return day % 14 == (kind.ordinal() * 5) % 14 ? noise * 1.9 : noise;
        }

        private void defineGoalsAndFunnels(Random config, Instant created) {
            Instant at = created.plus(Duration.ofDays(3));
            switch (kind) {
                case SHOP -> {
                    goal(config, "Purchase", "event", "purchase", at);
                    goal(config, "Reached checkout", "path", "/checkout", at);
                    goal(config, "Newsletter signup", "event", "newsletter_signup", at.plus(Duration.ofDays(40)));
                    funnel(config, "Checkout funnel", at.plus(Duration.ofDays(1)),
                            new FunnelStep("event", "view_item"), new FunnelStep("event", "add_to_cart"),
                            new FunnelStep("path", "/checkout"), new FunnelStep("event", "purchase"));
                }
                case BLOG -> {
                    goal(config, "Newsletter signup", "event", "newsletter_signup", at);
                    goal(config, "Read about page", "path", "/about", at);
                    funnel(config, "Reader to subscriber", at.plus(Duration.ofDays(2)),
                            new FunnelStep("path", "/"), new FunnelStep("path", "/newsletter"),
                            new FunnelStep("event", "newsletter_signup"));
                }
                case DOCS -> {
                    goal(config, "Copied code", "event", "copy_code", at);
                    goal(config, "Reached API reference", "path", "/reference/api", at);
                    funnel(config, "Getting started", at.plus(Duration.ofDays(1)),
                            new FunnelStep("path", "/docs/getting-started"),
                            new FunnelStep("path", "/docs/installation"),
                            new FunnelStep("event", "copy_code"));
                }
            }
        }

        private void goal(Random config, String name, String type, String value, Instant at) {
            goals.add(new Goal(uuid(config), siteId, name, type, value, at));
        }

        private void funnel(Random config, String name, Instant at, FunnelStep... steps) {
            funnels.add(new Funnel(uuid(config), siteId, name, List.of(steps), at));
        }

        private void defineQrCodes(Random config, Instant created) {
            Instant at = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(HISTORY_DAYS + 5))
                    .plus(Duration.ofHours(14));
            if (at.isBefore(created)) {
                at = created;
            }
            switch (kind) {
                case SHOP -> {
                    qr(config, "Store window poster", "https://" + domain + "/sale", "store_window", at);
                    qr(config, "Spring flyer", "https://" + domain + "/products/trail-runner-shoes", "spring_flyer",
                            at.plus(Duration.ofDays(20)));
                }
                case BLOG -> qr(config, "Conference badge", "https://" + domain + "/about", "conference_badge", at);
                case DOCS -> {
                }
            }
        }

        private void qr(Random config, String name, String destination, String campaign, Instant at) {
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            StringBuilder token = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                token.append(alphabet.charAt(config.nextInt(alphabet.length())));
            }
            Map<String, String> custom = new LinkedHashMap<>();
            custom.put("placement", campaign.replace('_', '-'));
            qrCodes.add(new QrCode(uuid(config), siteId, name, destination, token.toString(), "qr", "print", campaign,
                    null, null, Collections.unmodifiableMap(custom), HitKeepDemo.OWNER_USER_ID, at, at));
        }

        private Source pickSource() {
            Weighted<Source> sources = Weighted.of();
            switch (kind) {
                case SHOP -> sources
                        .add(Source.ref(""), 36)
                        .add(Source.ref("https://www.google.com/"), 24)
                        .add(Source.ref("https://www.bing.com/"), 4)
                        .add(Source.ref("https://duckduckgo.com/"), 4)
                        .add(Source.utm("https://l.instagram.com/", "instagram", "social", "summer_collection", null,
                                "story_1", null), 5)
                        .add(Source.utm("", "newsletter", "email", "spring_sale", null, "hero_banner", "/sale"), 6)
                        .add(Source.utm("https://www.google.com/", "google", "cpc", "brand_search",
                                "trail running shoes",
                                null, "/products/trail-runner-shoes"), 5)
                        .add(Source.ref("https://www.reddit.com/r/trailrunning/"), 3)
                        .add(Source.ref("https://www.pinterest.com/"), 3)
                        .add(Source.ref("https://chatgpt.com/"), 2)
                        .add(Source.ref("https://www.perplexity.ai/"), 1);
                case BLOG -> sources
                        .add(Source.ref(""), 28)
                        .add(Source.ref("https://www.google.com/"), 26)
                        .add(Source.ref("https://news.ycombinator.com/"), 9)
                        .add(Source.ref("https://www.reddit.com/r/selfhosted/"), 7)
                        .add(Source.ref("https://t.co/"), 4)
                        .add(Source.ref("https://www.linkedin.com/"), 4)
                        .add(Source.utm("https://mastodon.social/", "mastodon", "social", "launch_week", null, null,
                                null), 3)
                        .add(Source.utm("", "newsletter", "email", "weekly_digest", null, "issue_link",
                                "/blog/duckdb-in-production"), 7)
                        .add(Source.ref("https://duckduckgo.com/"), 4)
                        .add(Source.ref("https://chatgpt.com/"), 2)
                        .add(Source.ref("https://www.perplexity.ai/"), 1);
                case DOCS -> sources
                        .add(Source.ref(""), 30)
                        .add(Source.ref("https://www.google.com/"), 30)
                        .add(Source.ref("https://github.com/example/project"), 14)
                        .add(Source.ref("https://stackoverflow.com/"), 6)
                        .add(Source.ref("https://duckduckgo.com/"), 5)
                        .add(Source.utm("https://github.com/", "github", "readme", "docs_link", null, null,
                                "/docs/getting-started"), 5)
                        .add(Source.ref("https://chatgpt.com/"), 5)
                        .add(Source.ref("https://www.perplexity.ai/"), 3)
                        .add(Source.ref("https://claude.ai/"), 2);
            }
            return sources.pick(random);
        }

        private Client pickClient(boolean mostlyMobile) {
            double x = random.nextDouble();
            double mobileShare = mostlyMobile ? 0.9 : kind == SiteKind.DOCS ? 0.18 : 0.42;
            if (x < mobileShare) {
                int w = 360 + random.nextInt(71);
                int h = 640 + random.nextInt(293);
                return new Client(MOBILE_UAS.pick(random), w, h, w, h + 60);
            }
            if (x < mobileShare + 0.07) {
                int w = 768 + random.nextInt(67);
                return new Client(TABLET_UAS.pick(random), w, 1024 + random.nextInt(171), w, 1180);
            }
            int[][] screens = {{1920, 1080}, {2560, 1440}, {1440, 900}, {1536, 864}, {1366, 768}};
            int[] screen = screens[random.nextInt(screens.length)];
            int w = Math.max(1100, screen[0] - random.nextInt(300));
            return new Client(DESKTOP_UAS.pick(random), w, screen[1] - 120 - random.nextInt(80), screen[0], screen[1]);
        }

        /** One visitor session: a journey of pageviews, the events they fire, and some Web Vitals samples. */
        private void session(Instant at, Source source, @Nullable QrCode qr) {
            Geo geo = GEOS.pick(random);
            Client client = pickClient(qr != null);
            String language = geo.language().isEmpty() ? "" : (random.nextDouble() < 0.15 ? "en-US" : geo.language());
            String sessionId = uuid(random);
            List<Visit> journey = journey(source.landing());
            Instant t = at;
            boolean first = true;
            for (Visit visit : journey) {
                if (!t.isBefore(horizon)) {
                    break;
                }
                Hit.Builder b = Hit.builder();
                b.id = uuid(random);
                b.siteId = siteId;
                b.sessionId = sessionId;
                b.pageId = uuid(random);
                b.timestamp = t;
                b.path = visit.path();
                b.hostname = domain;
                // Every pageview of a session carries the session's entry referrer, so top_referrers reads as traffic
                // sources rather than as the site's own internal navigation.
                b.referrer = source.referrer();
                b.userAgent = client.userAgent();
                b.viewportWidth = client.viewportWidth();
                b.viewportHeight = client.viewportHeight();
                b.screenWidth = client.screenWidth();
                b.screenHeight = client.screenHeight();
                b.language = language;
                b.countryCode = geo.country();
                b.region = geo.region();
                b.city = geo.city();
                b.provider = geo.provider();
                b.asn = geo.asn();
                b.asnOrg = geo.asnOrg();
                if (first) {
                    b.utmSource = source.utmSource();
                    b.utmMedium = source.utmMedium();
                    b.utmCampaign = source.utmCampaign();
                    b.utmTerm = source.utmTerm();
                    b.utmContent = source.utmContent();
                    b.qrCodeId = qr == null ? null : qr.id();
                }
                b.unique = first;
                Hit hit = b.build();
                hits.add(hit);
                Instant eventTime = t;
                for (PendingEvent e : visit.events()) {
                    eventTime = eventTime.plusMillis(1_500 + random.nextInt(40_000));
                    events.add(new Event(uuid(random), siteId, sessionId, e.name(), e.properties(), eventTime, hit));
                }
                if (random.nextDouble() < 0.35) {
                    vitals(hit);
                }
                t = t.plusMillis(12_000 + (long) (random.nextDouble() * random.nextDouble() * 240_000));
                first = false;
            }
        }

        private List<Visit> journey(@Nullable String landing) {
            return switch (kind) {
                case SHOP -> shopJourney(landing);
                case BLOG -> blogJourney(landing);
                case DOCS -> docsJourney(landing);
            };
        }

        private Product pickProduct() {
            return Weighted.<Product>of().add(PRODUCTS.get(0), 35).add(PRODUCTS.get(1), 25)
                    .add(PRODUCTS.get(2), 20).add(PRODUCTS.get(3), 20).pick(random);
        }

        // a null next page in a Weighted<String> ends the visit; NullAway does not check type arguments
        @SuppressWarnings("NullAway")
        private List<Visit> shopJourney(@Nullable String landing) {
            List<Visit> visits = new ArrayList<>();
            String path = landing != null ? landing : Weighted.<String>of()
                    .add("/", 40).add("/products", 14).add("product", 24).add("/sale", 12)
                    .add("/shipping", 4).add("/about", 3).add("/contact", 3).pick(random);
            List<Map<String, Object>> cart = new ArrayList<>();
            for (int step = 0; step < 12 && path != null; step++) {
                Product product = null;
                if (path.equals("product")) {
                    product = pickProduct();
                    path = product.path();
                } else if (path.startsWith("/products/")) {
                    for (Product p : PRODUCTS) {
                        if (p.path().equals(path)) {
                            product = p;
                        }
                    }
                }
                List<PendingEvent> events = new ArrayList<>();
                String next;
                if (product != null) {
                    events.add(new PendingEvent("view_item", props("item_id", product.itemId(), "item_name",
                            product.itemName(), "price", product.price(), "currency", "EUR")));
                    if (random.nextDouble() < 0.30) {
                        int quantity = product.price() < 30 && random.nextDouble() < 0.4 ? 2 : 1;
                        Map<String, Object> item = props("item_id", product.itemId(), "item_name", product.itemName(),
                                "price", product.price(), "quantity", quantity);
                        cart.add(item);
                        Map<String, Object> add = new LinkedHashMap<>(item);
                        add.put("currency", "EUR");
                        events.add(new PendingEvent("add_to_cart", add));
                        next = Weighted.<String>of().add("/cart", 70).add("product", 15).add(null, 15).pick(random);
                    } else {
                        next = Weighted.<String>of().add("product", 30).add("/products", 15).add(null, 55).pick(random);
                    }
                } else {
                    switch (path) {
                        case "/" -> {
                            if (random.nextDouble() < 0.04) {
                                events.add(new PendingEvent("newsletter_signup", props("source", "footer")));
                            }
                            next = Weighted.<String>of().add("/products", 45).add("/sale", 20).add("product", 15)
                                    .add("/about", 5).add(null, 15).pick(random);
                        }
                        case "/products", "/sale" -> next = Weighted.<String>of().add("product", 60).add("/", 10)
                                .add(null, 30).pick(random);
                        case "/cart" -> next = cart.isEmpty() ? null : Weighted.<String>of().add("/checkout", 62)
                                .add("product", 10).add(null, 28).pick(random);
                        case "/checkout" -> {
                            events.add(new PendingEvent("begin_checkout", order(cart, false)));
                            next = Weighted.<String>of().add("/checkout/complete", 68).add(null, 32).pick(random);
                        }
                        case "/checkout/complete" -> {
                            events.add(new PendingEvent("purchase", order(cart, true)));
                            next = random.nextDouble() < 0.15 ? "/" : null;
                        }
                        default ->
                            next = Weighted.<String>of().add("/", 30).add("/products", 20).add(null, 50).pick(random);
                    }
                }
                visits.add(new Visit(path, events));
                path = next;
            }
            return visits;
        }

        private Map<String, Object> order(List<Map<String, Object>> cart, boolean purchase) {
            if (cart.isEmpty()) {
                Product p = pickProduct();
                cart.add(props("item_id", p.itemId(), "item_name", p.itemName(), "price", p.price(), "quantity", 1));
            }
            double value = 0;
            for (Map<String, Object> item : cart) {
                // every cart item is made with a price and a quantity
                value += ((Number) Objects.requireNonNull(item.get("price"), "price")).doubleValue()
                        * ((Number) Objects.requireNonNull(item.get("quantity"), "quantity")).intValue();
            }
            Map<String, Object> props = new LinkedHashMap<>();
            if (purchase) {
                props.put("transaction_id", "ORD-" + (++orderNumber));
            }
            boolean coupon = purchase && random.nextDouble() < 0.2;
            props.put("value", Math.round((coupon ? value * 0.9 : value) * 100) / 100.0);
            props.put("currency", "EUR");
            if (coupon) {
                props.put("coupon", "SPRING10");
            }
            props.put("items", new ArrayList<>(cart));
            return Collections.unmodifiableMap(props);
        }

        private static final String[] ARTICLES = {
                "/blog/why-we-self-host-analytics", "/blog/privacy-first-metrics",
                "/blog/duckdb-in-production", "/blog/shipping-faster-with-small-teams"};

        private String pickArticle() {
            return Weighted.<String>of().add(ARTICLES[0], 35).add(ARTICLES[1], 25).add(ARTICLES[2], 25)
                    .add(ARTICLES[3], 15).pick(random);
        }

        // a null next page in a Weighted<String> ends the visit; NullAway does not check type arguments
        @SuppressWarnings("NullAway")
        private List<Visit> blogJourney(@Nullable String landing) {
            List<Visit> visits = new ArrayList<>();
            String path = landing != null ? landing : Weighted.<String>of()
                    .add("article", 60).add("/", 25).add("/blog", 10).add("/about", 3).add("/tags/analytics", 2)
                    .pick(random);
            for (int step = 0; step < 8 && path != null; step++) {
                if (path.equals("article")) {
                    path = pickArticle();
                }
                List<PendingEvent> events = new ArrayList<>();
                String next;
                if (path.startsWith("/blog/")) {
                    if (random.nextDouble() < 0.25) {
                        String[][] links = {{"https://duckdb.org/docs/", "duckdb.org"},
                                {"https://github.com/example/project", "github.com"},
                                {"https://en.wikipedia.org/wiki/Web_analytics", "en.wikipedia.org"}};
                        String[] link = links[random.nextInt(links.length)];
                        events.add(new PendingEvent("outbound_click", props("url", link[0], "domain", link[1])));
                    }
                    if (random.nextDouble() < 0.08) {
                        String[] networks = {"mastodon", "linkedin", "hacker_news", "copy_link"};
                        events.add(
                                new PendingEvent("share", props("network", networks[random.nextInt(networks.length)])));
                    }
                    next = Weighted.<String>of().add("article", 25).add("/blog", 10).add("/newsletter", 8)
                            .add("/about", 4).add(null, 53).pick(random);
                } else {
                    switch (path) {
                        case "/", "/blog" -> next = Weighted.<String>of().add("article", 55).add("/about", 8)
                                .add("/newsletter", 7).add(null, 30).pick(random);
                        case "/newsletter" -> {
                            if (random.nextDouble() < 0.45) {
                                events.add(new PendingEvent("newsletter_signup", props("source", "newsletter_page")));
                            }
                            next = random.nextDouble() < 0.2 ? "/" : null;
                        }
                        case "/tags/analytics" -> next = random.nextBoolean() ? "article" : null;
                        default -> next = random.nextDouble() < 0.3 ? "/" : null;
                    }
                }
                visits.add(new Visit(path, events));
                path = next;
            }
            return visits;
        }

        private List<Visit> docsJourney(@Nullable String landing) {
            Weighted<String> pages = Weighted.<String>of()
                    .add("/docs/getting-started", 25).add("/", 20).add("/reference/api", 20)
                    .add("/docs/installation", 12).add("/docs/configuration", 10).add("/guides/migrating", 6)
                    .add("/changelog", 4).add("/reference/cli", 3);
            List<Visit> visits = new ArrayList<>();
            String path = landing != null ? landing : pages.pick(random);
            for (int step = 0; step < 10 && path != null; step++) {
                List<PendingEvent> events = new ArrayList<>();
                boolean content = path.startsWith("/docs/") || path.startsWith("/reference/")
                        || path.startsWith("/guides/");
                if (content && random.nextDouble() < 0.2) {
                    String[] languages = {"bash", "yaml", "java", "python", "json"};
                    events.add(
                            new PendingEvent("copy_code", props("language", languages[random.nextInt(languages.length)],
                                    "page", path)));
                }
                if (content && random.nextDouble() < 0.05) {
                    events.add(new PendingEvent("feedback", props("helpful", random.nextDouble() < 0.8)));
                }
                String next;
                if (path.equals("/docs/getting-started") && random.nextDouble() < 0.45) {
                    next = "/docs/installation";
                } else if (!path.equals("/search") && random.nextDouble() < 0.08) {
                    String[] queries = {"docker", "api token", "rate limit", "retention", "export csv", "sso"};
                    String query = queries[random.nextInt(queries.length)];
                    events.add(new PendingEvent("search", props("query", query, "results", 1 + random.nextInt(12))));
                    next = "/search";
                } else {
                    next = random.nextDouble() < 0.45 ? null : pages.pick(random);
                }
                visits.add(new Visit(path, events));
                path = next;
            }
            return visits;
        }

        private void vitals(Hit hit) {
            double device = switch (hit.deviceLabel) {
                case "Mobile" -> 1.45;
                case "Tablet" -> 1.2;
                default -> 1.0;
            };
            double base = switch (kind) {
                case SHOP -> 2000;
                case BLOG -> 1500;
                case DOCS -> 1100;
            };
            if (hit.path.startsWith("/products/")) {
                base *= 1.25;
            } else if (hit.path.startsWith("/checkout")) {
                base *= 0.9;
            }
            boolean far = hit.countryCode.equals("IN") || hit.countryCode.equals("BR") || hit.countryCode.equals("JP")
                    || hit.countryCode.equals("AU");
            double lcp = Math.round(base * device * logNormal(0.35));
            Instant t = hit.timestamp.plusMillis(800 + random.nextInt(4_000));
            vitals.add(new VitalSample("TTFB", Math.round(170 * logNormal(0.45) * (far ? 1.8 : 1.0)), t, hit));
            vitals.add(new VitalSample("FCP", Math.round(lcp * 0.55 * logNormal(0.15)), t, hit));
            vitals.add(new VitalSample("LCP", lcp, t.plusMillis(300), hit));
            double clsBase = kind == SiteKind.SHOP && hit.path.startsWith("/products") ? 0.09 : 0.03;
            double cls = Math.max(0, clsBase + random.nextGaussian() * 0.04);
            vitals.add(new VitalSample("CLS", Math.round(cls * 1000) / 1000.0, t.plusMillis(5_000), hit));
            if (random.nextDouble() < 0.6) {
                vitals.add(new VitalSample("INP", Math.round(110 * device * logNormal(0.5)), t.plusMillis(9_000), hit));
            }
        }

        private double logNormal(double sigma) {
            return Math.exp(random.nextGaussian() * sigma);
        }

        private void aiFetches(Instant hour) {
            double expected = aiFetchesPerDay / 24.0 * dayNoise(hour);
            int count = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
            for (int i = 0; i < count; i++) {
                Instant t = hour.plusMillis((long) (random.nextDouble() * 3_600_000L));
                if (!t.isBefore(horizon)) {
                    continue;
                }
                Weighted<String[]> agents = Weighted.of();
                for (int a = 0; a < AI_AGENTS.size(); a++) {
                    agents.add(AI_AGENTS.get(a), AI_AGENT_WEIGHTS[a]);
                }
                String[] agent = agents.pick(random);
                String path = aiFetchPath();
                String resourceType = resourceType(path);
                boolean missing = path.equals("/old-catalog") || path.equals("/blog/draft-post")
                        || path.equals("/docs/v1/setup");
                double x = random.nextDouble();
                int status = missing ? 404 : x < 0.955 ? 200 : x < 0.975 ? 304 : x < 0.99 ? 500 : 503;
                int responseMs = (int) Math.max(3, Math.round(switch (resourceType) {
                    case "document" -> 260;
                    case "image" -> 90;
                    case "other" -> 40;
                    default -> 140;
                } * logNormal(0.5) * (status >= 500 ? 6 : 1)));
                long bytes = status == 304 ? 0 : status >= 400 ? 1_800 + random.nextInt(400) : switch (resourceType) {
                    case "document" ->
                        path.endsWith(".pdf") ? 850_000 + random.nextInt(40_000) : 9_000 + random.nextInt(6_000);
                    case "image" -> 60_000 + random.nextInt(160_000);
                    case "other" -> 2_000 + random.nextInt(10_000);
                    default -> 24_000 + random.nextInt(56_000);
                };
                aiFetches.add(
                        new AiFetch(uuid(random), siteId, t, agent[0], agent[1], resourceType, path, domain, status,
                                contentType(path, resourceType), responseMs, bytes, agent[2]));
            }
        }

        private String aiFetchPath() {
            Weighted<String> paths = Weighted.of();
            switch (kind) {
                case SHOP -> paths.add("/", 10).add("/products", 8).add("/products/trail-runner-shoes", 8)
                        .add("/products/merino-hoodie", 5).add("/products/rain-jacket", 5)
                        .add("/products/hiking-socks", 3)
                        .add("/sale", 3).add("/shipping", 6).add("/robots.txt", 4).add("/sitemap.xml", 4)
                        .add("/images/trail-runner-shoes.webp", 3).add("/old-catalog", 2);
                case BLOG -> paths.add("/", 6).add("/blog/why-we-self-host-analytics", 12)
                        .add("/blog/privacy-first-metrics", 10)
                        .add("/blog/duckdb-in-production", 14).add("/blog/shipping-faster-with-small-teams", 6)
                        .add("/about", 3).add("/feed.xml", 5).add("/robots.txt", 3).add("/images/duckdb-chart.png", 2)
                        .add("/blog/draft-post", 2);
                case DOCS -> paths.add("/", 5).add("/docs/getting-started", 14).add("/docs/installation", 10)
                        .add("/docs/configuration", 9).add("/reference/api", 16).add("/reference/cli", 5)
                        .add("/guides/migrating", 5).add("/changelog", 3).add("/llms.txt", 10)
                        .add("/docs/handbook.pdf", 3)
                        .add("/robots.txt", 3).add("/sitemap.xml", 3).add("/images/architecture.png", 2)
                        .add("/docs/v1/setup", 3);
            }
            return paths.pick(random);
        }

        private void qrTraffic() {
            for (QrCode qr : qrCodes) {
                double perDay = qr.utmCampaign().equals("store_window") ? 2.2
                        : qr.utmCampaign().equals("spring_flyer") ? 1.4 : 0.7;
                String landingPath = qr.destinationUrl().substring(("https://" + domain).length());
                Instant from = qr.createdAt().isAfter(start) ? qr.createdAt() : start;
                for (Instant day = from.truncatedTo(ChronoUnit.DAYS); day
                        .isBefore(horizon); day = day.plus(Duration.ofDays(1))) {
                    double expected = perDay * weekdayFactor(day);
                    int opens = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
                    for (int i = 0; i < opens; i++) {
                        Instant t = day.plus(Duration.ofMinutes(8 * 60 + random.nextInt(12 * 60)));
                        if (t.isBefore(from) || !t.isBefore(horizon)) {
                            continue;
                        }
                        qrOpens.add(new QrOpen(qr.id(), t));
                        if (random.nextDouble() < 0.85) {
                            session(t.plusMillis(1_200 + random.nextInt(3_000)), Source.utm("", qr.utmSource(),
                                    qr.utmMedium(), qr.utmCampaign(), null, null, landingPath), qr);
                        }
                    }
                }
            }
        }
    }

    static String resourceType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".pdf") || p.endsWith(".md") || p.endsWith(".txt") && !p.endsWith("robots.txt")) {
            return "document";
        }
        if (p.endsWith(".png") || p.endsWith(".jpg") || p.endsWith(".jpeg") || p.endsWith(".webp") || p.endsWith(".svg")
                || p.endsWith(".gif")) {
            return "image";
        }
        if (p.endsWith(".xml") || p.endsWith(".json") || p.endsWith("robots.txt") || p.endsWith(".js")
                || p.endsWith(".css")) {
            return "other";
        }
        return "html";
    }

    private static String contentType(String path, String resourceType) {
        return switch (resourceType) {
            case "document" -> path.endsWith(".pdf") ? "application/pdf" : "text/plain; charset=utf-8";
            case "image" -> path.endsWith(".png") ? "image/png" : "image/webp";
            case "other" -> path.endsWith(".xml") ? "application/xml" : "text/plain; charset=utf-8";
            default -> "text/html; charset=utf-8";
        };
    }

    static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static <T> List<T> freeze(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
