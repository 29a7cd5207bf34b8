package io.tally.testkit.engagetrack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The demo organisation {@link FakeEngageTrack} serves: two sites with a month of deterministic traffic (the 30
 * days before the fake's clock), 240 shop visitors and 60 blog visitors with timelines, purchases with revenue in
 * USD, channels, sources, referrers and UTM campaigns, and two funnels on the shop. Identifiers are constants here
 * so that tests and the MCP server's {@code --demo} can name them.
 */
public final class EngageTrackDemo {
    /** The demo organisation (Startup plan). */
    public static final String ORG_ID = "org-demo";
    /** An organisation on the Maker plan: its API keys get 402. */
    public static final String MAKER_ORG_ID = "org-maker";
    /** An API key of the demo organisation with every scope. */
    public static final String API_KEY = "et_live_00000000000000000000000000demo01";
    /** An API key of the demo organisation with only {@code analytics:read} and {@code sites:read}. */
    public static final String REPORTING_API_KEY = "et_live_00000000000000000000000000demo02";
    /** An API key of the Maker-plan organisation (with every scope; still refused with 402). */
    public static final String MAKER_API_KEY = "et_live_0000000000000000000000000maker01";
    /** A user session token (JWT) of an owner of the demo organisation. */
    public static final String SESSION_TOKEN = "eyJhbGciOiJIUzI1NiJ9.demo-owner.sig";
    /** A user session token of the Maker-plan organisation's owner. */
    public static final String MAKER_SESSION_TOKEN = "eyJhbGciOiJIUzI1NiJ9.maker-owner.sig";
    /** The shop site's id (in paths). */
    public static final String SHOP_SITE_ID = "site-shop-0001";
    /** The shop site's public id (ingestion). */
    public static final String SHOP_PUBLIC_ID = "pk_live_shop0001";
    /** The blog site's id. */
    public static final String BLOG_SITE_ID = "site-blog-0002";
    /** The blog site's public id. */
    public static final String BLOG_PUBLIC_ID = "pk_live_blog0002";
    /** The shop's checkout funnel: cart, checkout, purchase. */
    public static final String CHECKOUT_FUNNEL_ID = "funnel-checkout";
    /** The shop's signup funnel: pricing, signup. */
    public static final String SIGNUP_FUNNEL_ID = "funnel-signup";
    /** Every scope EngageTrack documents. */
    public static final List<String> ALL_SCOPES = List.of("analytics:read", "sites:read", "goals:read", "goals:write",
            "funnels:read", "funnels:write", "annotations:read", "annotations:write", "visitors:read");

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
            "Margaret",
            "Dennis", "Radia", "Linus", "Hedy", "Tim", "Katherine", "John"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
            "Thompson",
            "Hamilton", "Ritchie", "Perlman", "Torvalds", "Lamarr", "Berners-Lee", "Johnson", "McCarthy"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "NL", "IN", "BR", "JP"};
    private static final String[] BROWSERS = {"Chrome", "Firefox", "Safari", "Edge"};
    private static final String[] OSES = {"Windows", "macOS", "Linux", "iOS", "Android"};
    private static final String[] DEVICES = {"desktop", "mobile", "tablet"};
    /** source, channel, referrer domain (or null), campaign (or null); weighted by repetition. */
    private static final @Nullable String[][] SOURCES = {
            {"Google", "Organic Search", "google.com", null}, {"Google", "Organic Search", "google.com", null},
            {"Google", "Organic Search", "google.com", null}, {"Bing", "Organic Search", "bing.com", null},
            {"Direct", "Direct", null, null}, {"Direct", "Direct", null, null},
            {"Twitter", "Social", "t.co", null}, {"LinkedIn", "Social", "linkedin.com", null},
            {"Newsletter", "Email", null, "spring-sale"}, {"Hacker News", "Referral", "news.ycombinator.com", null},
            {"Google Ads", "Paid Search", "google.com", "brand-search"}};

    private EngageTrackDemo() {}

    /** One site of the fake, with its generated visitors. */
    static final class SiteData {
        final String id;
        final String publicId;
        final String name;
        final String domain;
        final String timezone;
        final List<VisitorData> visitors = Collections.synchronizedList(new ArrayList<>());

        SiteData(String id, String publicId, String name, String domain, String timezone) {
            this.id = id;
            this.publicId = publicId;
            this.name = name;
            this.domain = domain;
            this.timezone = timezone;
        }
    }

    /** A visitor and their events, newest last. */
    static final class VisitorData {
        final String id;
        final String uid;
        @Nullable
        String email;
        @Nullable
        String name;
        @Nullable
        String externalId;
        final String country;
        final String browser;
        final String os;
        final String device;
        final List<EventData> events = new ArrayList<>();

        VisitorData(String id, String uid, String country, String browser, String os, String device) {
            this.id = id;
            this.uid = uid;
            this.country = country;
            this.browser = browser;
            this.os = os;
            this.device = device;
        }
    }

    /** One recorded event. */
    static final class EventData {
        final String id;
        final String sessionId;
        final String type;
        final Instant at;
        final String path;
        final String title;
        final @Nullable String name;
        final double revenue;
        final String source;
        final String channel;
        final @Nullable String referrer;
        final @Nullable String campaign;

        EventData(String id, String sessionId, String type, Instant at, String path, String title,
                @Nullable String name, double revenue, @Nullable String[] source) {
            this.id = id;
            this.sessionId = sessionId;
            this.type = type;
            this.at = at;
            this.path = path;
            this.title = title;
            this.name = name;
            this.revenue = revenue;
            this.source = Objects.requireNonNull(source[0], "source");
            this.channel = Objects.requireNonNull(source[1], "channel");
            this.referrer = source[2];
            this.campaign = source[3];
        }
    }

    /** The demo sites for the 30 days before {@code now}. */
    static List<SiteData> generate(Instant now, long seed) {
        List<SiteData> sites = new ArrayList<>();
        SiteData shop = new SiteData(SHOP_SITE_ID, SHOP_PUBLIC_ID, "Demo Shop", "shop.example.com", "America/New_York");
        SiteData blog = new SiteData(BLOG_SITE_ID, BLOG_PUBLIC_ID, "Demo Blog", "blog.example.com", "Europe/Berlin");
        fill(shop, 240, now, new Random(seed), true);
        fill(blog, 60, now, new Random(seed + 1), false);
        sites.add(shop);
        sites.add(blog);
        return sites;
    }

    private static void fill(SiteData site, int count, Instant now, Random r, boolean shop) {
        String[] pages = shop
                ? new String[] {"/", "/pricing", "/products/widget", "/products/gadget", "/cart", "/checkout",
                        "/signup"}
                : new String[] {"/", "/posts/hello-world", "/posts/java-17", "/posts/analytics", "/about"};
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(30));
        long span = Duration.between(start, now).getSeconds();
        int eventNo = 0;
        for (int i = 0; i < count; i++) {
            String prefix = shop ? "shop" : "blog";
            VisitorData v = new VisitorData(String.format("%s-visitor-%04d", prefix, i),
                    String.format("uid-%s-%04d", prefix, i),
                    COUNTRIES[r.nextInt(COUNTRIES.length)], BROWSERS[r.nextInt(BROWSERS.length)],
                    OSES[r.nextInt(OSES.length)],
                    DEVICES[r.nextInt(DEVICES.length)]);
            if (i % 3 == 0) {
                String first = FIRST[i % FIRST.length];
                String last = LAST[(i / FIRST.length) % LAST.length];
                v.name = first + " " + last;
                v.email = first.toLowerCase(java.util.Locale.ROOT) + "." + i + "@example.com";
                v.externalId = "user-" + i;
            }
            int sessions = 1 + r.nextInt(4);
            for (int s = 0; s < sessions; s++) {
                @Nullable
                String[] source = SOURCES[r.nextInt(SOURCES.length)];
                Instant at = start.plusSeconds((long) (r.nextDouble() * (span - 3600)));
                String sessionId = v.id + "-s" + s;
                int views = 1 + r.nextInt(5);
                boolean buyer = shop && r.nextInt(4) == 0;
                for (int p = 0; p < views; p++) {
                    String path = buyer && p == views - 1 ? "/checkout"
                            : buyer && p == views - 2 ? "/cart" : pages[r.nextInt(pages.length)];
                    v.events.add(new EventData("evt-" + prefix + "-" + (eventNo++), sessionId, "pageview", at, path,
                            title(path), null, 0, source));
                    at = at.plusSeconds(20 + r.nextInt(200));
                }
                if (buyer) {
                    double amount = 19.99 + 10 * r.nextInt(14);
                    v.events.add(
                            new EventData("evt-" + prefix + "-" + (eventNo++), sessionId, "purchase", at, "/checkout",
                                    "Checkout", "purchase", Math.round(amount * 100) / 100.0, source));
                }
            }
            v.events.sort((a, b) -> a.at.compareTo(b.at));
            site.visitors.add(v);
        }
    }

    private static String title(String path) {
        return path.equals("/") ? "Home" : Character.toUpperCase(path.charAt(path.lastIndexOf('/') + 1))
                + path.substring(path.lastIndexOf('/') + 2).replace('-', ' ');
    }

    /** The start of the day of {@code date} in UTC. */
    static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
