package io.tally.hitkeep.routes;

import io.tally.core.time.DateRange;
import java.time.Instant;

/** Ids and windows shared by the part-2 route cases. */
final class Part2Fixtures {
    private Part2Fixtures() {}

    static final String SITE = "5f0c8a52-3c1e-4c1b-9d0e-6f1a2b3c4d5e";
    static final String TEAM = "0b7e3f9a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    static final String USER = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String QR = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";
    static final String SHARE_ID = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    static final String IMPORT = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    static final String FILE = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a";
    static final String OPPORTUNITY = "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b";
    static final String GOAL = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    static final String FUNNEL = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e";
    static final String RULE = "f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c";
    static final String SHARE_TOKEN = "s7Kp2xQ9vLm4Tn8RwZ3yBc6Hd1Fg5Jk0";
    static final String QR_SHARE_TOKEN = "q4Wn7Rt2Yp9Lk3Mz8Xc5Vb1Nh6Gf0Ds";

    static final String FROM = "2026-06-01T00:00:00Z";
    static final String TO = "2026-06-08T00:00:00Z";
    static final DateRange WEEK = DateRange.between(Instant.parse(FROM), Instant.parse(TO));

    static final String QR_CODE_JSON = "{\"id\":\"" + QR + "\",\"site_id\":\"" + SITE + "\",\"created_by\":\"" + USER
            + "\","
            + "\"name\":\"Spring flyer\",\"destination_url\":\"https://shop.example.com/spring\",\"utm_source\":\"flyer\","
            + "\"utm_medium\":\"print\",\"utm_campaign\":\"spring-2026\",\"custom_params\":{\"store\":\"berlin\"},"
            + "\"style\":{\"foreground\":\"#111111\"},\"redirect_url\":\"https://analytics.example.com/q/Xk3v9Pq2\","
            + "\"token_hint\":\"Xk3v\",\"has_asset\":true,\"created_at\":\"2026-05-02T09:14:03.512339Z\","
            + "\"updated_at\":\"2026-05-20T16:40:11+02:00\"}";

    static final String QR_SUMMARY_JSON = "{\"qr_code\":" + QR_CODE_JSON + ",\"open_count\":412,\"pageviews\":655,"
            + "\"visitors\":377,\"top_pages\":[{\"name\":\"/spring\",\"value\":512},{\"name\":\"/spring/shoes\",\"value\":88}],"
            + "\"top_referrers\":[{\"name\":\"(Direct)\",\"value\":377}],\"top_devices\":[{\"name\":\"mobile\",\"value\":341}],"
            + "\"top_countries\":null}";

    static final String OPENS_JSON = "[{\"time\":\"2026-06-01T00:00:00Z\",\"opens\":57},{\"time\":\"2026-06-02T00:00:00Z\",\"opens\":61}]";

    static final String OPPORTUNITY_JSON = "{\"id\":\"" + OPPORTUNITY + "\",\"site_id\":\"" + SITE
            + "\",\"kind\":\"conversion\","
            + "\"type_key\":\"opportunities.type.checkout_dropoff\",\"title_key\":\"opportunities.checkout_dropoff.title\","
            + "\"summary_key\":\"opportunities.checkout_dropoff.summary\",\"action_key\":\"opportunities.checkout_dropoff.action\","
            + "\"digest_key\":\"opportunities.checkout_dropoff.digest\",\"copy_params\":{\"step\":\"/checkout/payment\",\"rate\":\"41%\"},"
            + "\"impact_value\":\"~120 orders/month\",\"impact_label_key\":\"opportunities.impact.orders\",\"confidence\":\"high\","
            + "\"score\":87,\"score_breakdown\":{\"impact\":30,\"urgency\":12,\"evidence_fit\":15,\"actionability\":14,"
            + "\"freshness\":8,\"sample\":10,\"effort\":-2,\"total\":87},\"status\":\"new\","
            + "\"route_label_key\":\"nav.funnels\",\"route_params\":{\"funnel_id\":\"" + FUNNEL
            + "\"},\"route_icon\":\"filter\","
            + "\"detector_version\":\"2026.05.1\",\"evidence\":[{\"id\":\"ev1\",\"label_key\":\"evidence.dropoff\",\"value\":\"41%\","
            + "\"detail_key\":\"evidence.dropoff.detail\",\"detail_params\":{\"entries\":1203}}],\"cited_evidence_ids\":[\"ev1\"],"
            + "\"generated_at\":\"2026-06-08T06:00:00Z\",\"created_at\":\"2026-06-08T06:00:01Z\",\"updated_at\":\"2026-06-08T06:00:01Z\"}";

    static final String SITE_JSON = "{\"id\":\"" + SITE + "\",\"user_id\":\"" + USER
            + "\",\"domain\":\"shop.example.com\","
            + "\"data_retention_days\":365,\"created_at\":\"2025-11-03T10:00:00Z\"}";

    static final String IMPORT_JOB_JSON = "{\"id\":\"" + IMPORT + "\",\"site_id\":\"" + SITE
            + "\",\"provider\":\"plausible\","
            + "\"status\":\"validated\",\"source_hash\":\"9f2c1a\",\"bytes_total\":48213,\"bytes_received\":48213,"
            + "\"rows_scanned\":1200,\"rows_imported\":0,\"manifest\":{\"provider\":\"plausible\",\"source_hash\":\"9f2c1a\","
            + "\"date_start\":\"2024-01-01T00:00:00Z\",\"date_end\":\"2025-12-31T00:00:00Z\",\"files\":[\"imported_visitors.csv\"],"
            + "\"ignored_files\":null,\"missing_files\":[],\"datasets\":[{\"key\":\"visitors\",\"name\":\"Visitors\","
            + "\"files\":[\"imported_visitors.csv\"],\"rows_scanned\":730,\"rows_accepted\":729,\"rows_skipped\":1,"
            + "\"visitors\":51234,\"visits\":60112,\"pageviews\":143020}],\"event_coverage\":{\"rows_scanned\":0,"
            + "\"rows_accepted\":0,\"events\":0,\"visitors\":0,\"event_names\":null,\"property_keys\":null},"
            + "\"overlap\":{\"policy\":\"skip_native_day\",\"native_traffic_days\":12,\"native_event_days\":0,"
            + "\"native_event_keys\":0,\"estimated_skipped_rows\":12,\"estimated_skipped_pageviews\":2210,"
            + "\"estimated_skipped_events\":0},\"warnings\":[{\"code\":\"overlap\",\"message\":\"12 days already have native data\"}],"
            + "\"rows_scanned\":1200,\"rows_accepted\":1188,\"rows_skipped\":12},\"files\":[{\"id\":\"" + FILE + "\","
            + "\"filename\":\"plausible-export.zip\",\"size_bytes\":48213,\"bytes_received\":48213,\"status\":\"uploaded\"}],"
            + "\"created_at\":\"2026-06-08T09:00:00Z\",\"updated_at\":\"2026-06-08T09:02:10Z\",\"validated_at\":\"2026-06-08T09:02:10Z\"}";
}
