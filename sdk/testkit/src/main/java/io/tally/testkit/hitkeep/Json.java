package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.Model.QrCode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** JSON shapes of stored rows, field for field as HitKeep serialises them (snake_case, RFC 3339). */
final class Json {
    private Json() {}

    record Column<T>(String name, Function<T, Object> value) {}

    /** The columns of a hit, in HitKeep's order; used for JSON bodies and for every export format. */
    static final List<Column<Hit>> HIT_COLUMNS = List.of(
            new Column<>("id", h -> h.id),
            new Column<>("site_id", h -> h.siteId),
            new Column<>("session_id", h -> h.sessionId),
            new Column<>("page_id", h -> h.pageId),
            new Column<>("timestamp", h -> h.timestamp),
            new Column<>("path", h -> h.path),
            new Column<>("hostname", h -> h.hostname),
            new Column<>("referrer", h -> h.referrer),
            new Column<>("user_agent", h -> h.userAgent),
            new Column<>("viewport_width", h -> h.viewportWidth),
            new Column<>("viewport_height", h -> h.viewportHeight),
            new Column<>("screen_width", h -> h.screenWidth),
            new Column<>("screen_height", h -> h.screenHeight),
            new Column<>("language", h -> h.language),
            new Column<>("country_code", h -> h.countryCode),
            new Column<>("region", h -> h.region),
            new Column<>("city", h -> h.city),
            new Column<>("provider", h -> h.provider),
            new Column<>("asn", h -> h.asn),
            new Column<>("asn_org", h -> h.asnOrg),
            new Column<>("utm_source", h -> h.utmSource),
            new Column<>("utm_medium", h -> h.utmMedium),
            new Column<>("utm_campaign", h -> h.utmCampaign),
            new Column<>("utm_term", h -> h.utmTerm),
            new Column<>("utm_content", h -> h.utmContent),
            new Column<>("qr_code_id", h -> h.qrCodeId),
            new Column<>("is_unique", h -> h.unique));

    static final List<Column<AiFetch>> AI_FETCH_COLUMNS = List.of(
            new Column<>("id", AiFetch::id),
            new Column<>("site_id", AiFetch::siteId),
            new Column<>("timestamp", AiFetch::timestamp),
            new Column<>("assistant_name", AiFetch::assistantName),
            new Column<>("assistant_family", AiFetch::assistantFamily),
            new Column<>("resource_type", AiFetch::resourceType),
            new Column<>("path", AiFetch::path),
            new Column<>("hostname", AiFetch::hostname),
            new Column<>("status_code", AiFetch::statusCode),
            new Column<>("content_type", AiFetch::contentType),
            new Column<>("response_ms", AiFetch::responseMs),
            new Column<>("bytes_served", AiFetch::bytesServed),
            new Column<>("user_agent", AiFetch::userAgent));

    /** A row as an ordered map; {@code null} values are left out, as Go's {@code omitempty} does. */
    static <T> Map<String, Object> row(List<Column<T>> columns, T value) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Column<T> c : columns) {
            Object v = c.value().apply(value);
            if (v != null) {
                out.put(c.name(), v);
            }
        }
        return out;
    }

    static Map<String, Object> hit(Hit h) {
        return row(HIT_COLUMNS, h);
    }

    static Map<String, Object> qrCode(QrCode qr, String publicOrigin) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", qr.id());
        out.put("site_id", qr.siteId());
        out.put("name", qr.name());
        out.put("destination_url", qr.destinationUrl());
        out.put("redirect_url", publicOrigin + "/q/" + qr.token());
        out.put("token_hint", "…" + qr.token().substring(qr.token().length() - 4));
        putIfPresent(out, "utm_source", qr.utmSource());
        putIfPresent(out, "utm_medium", qr.utmMedium());
        putIfPresent(out, "utm_campaign", qr.utmCampaign());
        putIfPresent(out, "utm_term", qr.utmTerm());
        putIfPresent(out, "utm_content", qr.utmContent());
        out.put("custom_params", qr.customParams());
        out.put("style", Collections.emptyMap());
        out.put("has_asset", false);
        out.put("created_by", qr.createdBy());
        out.put("created_at", qr.createdAt());
        out.put("updated_at", qr.updatedAt());
        return out;
    }

    static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            map.put(key, value);
        }
    }

    static Map<String, Object> status(String status) {
        return Collections.singletonMap("status", status);
    }

    static List<String> names(List<? extends Column<?>> columns) {
        String[] names = new String[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = columns.get(i).name();
        }
        return Arrays.asList(names);
    }
}
