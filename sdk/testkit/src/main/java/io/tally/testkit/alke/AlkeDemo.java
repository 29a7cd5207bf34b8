package io.tally.testkit.alke;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The demo data {@link FakeAlke} serves: two properties, tokens with different reach, and the metric and dimension
 * names it knows. Tokens are JWT-shaped (an unsigned demo signature) so that clients can read their {@code exp}.
 */
public final class AlkeDemo {
    /** The demo shop's property id. */
    public static final UUID SHOP_PROPERTY_ID = UUID.fromString("6f1c2b9e-4a57-4a8e-9d0b-2f4c8e1a7b31");
    /** The demo shop's name. */
    public static final String SHOP_NAME = "Demo shop";
    /** The demo blog's property id. */
    public static final UUID BLOG_PROPERTY_ID = UUID.fromString("0b7d4c2a-93e1-4f6b-8a25-5c9e1d3f7a60");
    /** The demo blog's name. */
    public static final String BLOG_NAME = "Demo blog";

    /** When the demo tokens that are valid expire: far in the future. */
    public static final Instant VALID_UNTIL = Instant.parse("2099-01-01T00:00:00Z");
    /** When {@link #EXPIRED_TOKEN} expired. */
    public static final Instant EXPIRED_AT = Instant.parse("2025-01-01T00:00:00Z");

    /** A service-account token that may read both demo properties. */
    public static final String TOKEN = jwt("svc-demo-reporting", VALID_UNTIL);
    /** A service-account token that may read the shop only: the blog answers 403. */
    public static final String SHOP_ONLY_TOKEN = jwt("svc-demo-shop-only", VALID_UNTIL);
    /** A token past its {@code exp}: every request answers 401. */
    public static final String EXPIRED_TOKEN = jwt("svc-demo-expired", EXPIRED_AT);

    /** The metrics the fake computes. */
    public static final List<String> METRICS = List.of("pageviews", "visits", "visitors", "bounces", "bounceRate",
            "avgVisitDuration");
    /** The dimensions the fake breaks down by. */
    public static final List<String> DIMENSIONS = List.of("date", "page", "referrer", "country", "device", "browser");
    /** How many days of data each property has: the days before today, by the fake's clock. */
    public static final int DAYS_OF_DATA = 90;

    private AlkeDemo() {}

    /** A JWT-shaped token for {@code subject} that expires at {@code exp}, with a fixed demo signature. */
    public static String jwt(String subject, Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"" + subject + "\",\"org\":\"demo-org\",\"iat\":"
                + (exp.getEpochSecond() - 365L * 86_400) + ",\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".demo-signature-" + subject;
    }
}
