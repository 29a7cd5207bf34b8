package io.tally.testkit.hitkeep;

/**
 * The fixed names of {@link FakeHitKeep}'s demo instance: sites, API tokens and dashboard users.
 *
 * <p>The demo data itself (hits, events, goals, funnels, Web Vitals, QR campaigns, ecommerce orders, AI crawler
 * fetches) is generated from a seed ({@link FakeHitKeep.Builder#seed(long)}) and a "now"
 * ({@link FakeHitKeep.Builder#now(java.time.Instant)}): the same seed and now give the same data, byte for byte.
 * It covers the 60 days before now, with daily and hourly rhythms, so a default 30-day window and its previous
 * period both look lived-in.
 *
 * <table>
 *   <caption>Demo sites</caption>
 *   <tr><th>Site</th><th>Id</th><th>What is in it</th></tr>
 *   <tr><td>{@value #SHOP_DOMAIN}</td><td>{@value #SHOP_SITE_ID}</td><td>a store: product pages, cart and
 *       checkout, {@code view_item}/{@code add_to_cart}/{@code begin_checkout}/{@code purchase} events with
 *       items and revenue (EUR), a checkout funnel, two QR campaigns, paid and e-mail UTM campaigns</td></tr>
 *   <tr><td>{@value #BLOG_DOMAIN}</td><td>{@value #BLOG_SITE_ID}</td><td>articles, Hacker News and Reddit
 *       referrals, {@code newsletter_signup}/{@code outbound_click}/{@code share} events, one QR campaign</td></tr>
 *   <tr><td>{@value #DOCS_DOMAIN}</td><td>{@value #DOCS_SITE_ID}</td><td>documentation with the most AI crawler
 *       traffic, {@code search}/{@code copy_code}/{@code feedback} events, GitHub referrals</td></tr>
 * </table>
 *
 * <p>Search Console data is mapped and synced for the store and the docs site; the blog is unmapped, so its
 * Search Console reports answer {@code 412}. Each site also has a few ranked {@code opportunities} computed from its
 * last 30 days.
 *
 * <table>
 *   <caption>Demo API tokens (send as {@code Authorization: Bearer …} or {@code X-API-Key: …})</caption>
 *   <tr><th>Token</th><th>Grants</th><th>Use it to see</th></tr>
 *   <tr><td>{@value #TOKEN}</td><td>viewer on every site</td><td>every read route</td></tr>
 *   <tr><td>{@value #ADMIN_TOKEN}</td><td>owner on every site</td><td>ingest, goal and funnel writes</td></tr>
 *   <tr><td>{@value #SHOP_TOKEN}</td><td>viewer on the shop only</td><td>{@code GET /api/sites} listing one site,
 *       {@code 403 Access denied} on the others, {@code 403 Forbidden} on writes</td></tr>
 *   <tr><td>{@value #TEAM_TOKEN}</td><td>team client, viewer on every site</td><td>the {@code 401} a team token gets
 *       on user-bound routes such as {@code /stats} and {@code /hits} (reference §2.6)</td></tr>
 * </table>
 *
 * <p>Demo dashboard users sign in with {@code POST /api/login}: {@value #OWNER_EMAIL} (instance owner, no second
 * factor) and {@value #MFA_EMAIL} (instance user with viewer grants, TOTP {@value #TOTP_CODE} unless changed with
 * {@link FakeHitKeep.Builder#totpCode(String)}, recovery codes {@value #RECOVERY_CODE_1} and
 * {@value #RECOVERY_CODE_2}). Both use the password {@value #PASSWORD}.
 */
public final class HitKeepDemo {
    private HitKeepDemo() {}

    /** The version {@code GET /api/status} reports unless {@link FakeHitKeep.Builder#version(String)} changes it. */
    public static final String VERSION = "2.8.1";

    /** The seed used when none is set. */
    public static final long DEFAULT_SEED = 20_260_625L;

    /** The demo store. */
    public static final String SHOP_SITE_ID = "3f1c2a9e-5b7d-4e21-9a8c-1d2e3f4a5b6c";
    /** The demo store's domain. */
    public static final String SHOP_DOMAIN = "shop.example.com";
    /** The demo blog. */
    public static final String BLOG_SITE_ID = "8a4e6c2b-1f3d-4b59-8e7a-2c3d4e5f6a7b";
    /** The demo blog's domain. */
    public static final String BLOG_DOMAIN = "blog.example.com";
    /** The demo documentation site. */
    public static final String DOCS_SITE_ID = "c7d9e1f3-2a4b-4c6d-8e0f-3a4b5c6d7e8f";
    /** The demo documentation site's domain. */
    public static final String DOCS_DOMAIN = "docs.example.org";

    /** Viewer on every site. */
    public static final String TOKEN = "demo-token";
    /** Owner on every site: may ingest and manage goals and funnels. */
    public static final String ADMIN_TOKEN = "demo-admin-token";
    /** Viewer on {@link #SHOP_SITE_ID} only. */
    public static final String SHOP_TOKEN = "demo-shop-token";
    /** A team client with viewer on every site; refused with 401 on user-bound routes (reference §2.6). */
    public static final String TEAM_TOKEN = "demo-team-token";

    /** The password of both demo users. */
    public static final String PASSWORD = "demo-password";
    /** The instance owner, without a second factor. */
    public static final String OWNER_EMAIL = "demo@example.com";
    /** A user with TOTP and recovery codes, viewer on every site. */
    public static final String MFA_EMAIL = "mfa@example.com";
    /** The valid TOTP code of {@link #MFA_EMAIL} unless {@link FakeHitKeep.Builder#totpCode(String)} changes it. */
    public static final String TOTP_CODE = "123456";
    /** A single-use recovery code of {@link #MFA_EMAIL}. */
    public static final String RECOVERY_CODE_1 = "demo-recovery-0001";
    /** Another single-use recovery code of {@link #MFA_EMAIL}. */
    public static final String RECOVERY_CODE_2 = "demo-recovery-0002";
    /** The id of {@link #OWNER_EMAIL}, also the {@code user_id} of every demo site. */
    public static final String OWNER_USER_ID = "0b7a3c1e-9d2f-4e8a-b6c4-5d3e2f1a0b9c";
}
