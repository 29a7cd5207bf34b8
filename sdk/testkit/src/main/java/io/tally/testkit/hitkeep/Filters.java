package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Model.Hit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dimension filters (reference §3.3): repeatable {@code filter=type:value}, AND-combined, exact equality against
 * the normalised labels; plus the legacy {@code filter_type}/{@code filter_value} pair and, on event routes, the
 * deprecated {@code dimension_key}/{@code dimension_value} pair.
 */
final class Filters {
    static final Set<String> TYPES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "path", "hostname", "referrer", "referrer_host", "device", "country", "city", "provider", "asn", "browser",
            "language", "utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term", "qr_code_id")));

    record Filter(String type, String value) {
        boolean matches(Hit h) {
            return switch (type) {
                case "path" -> h.path.equals(value);
                case "hostname" -> Labels.hostname(h.hostname).equals(value);
                case "referrer" -> h.referrerLabel.equals(value);
                case "referrer_host" -> Labels.referrerHost(h.referrer).equals(value);
                case "device" -> h.deviceLabel.equals(value);
                case "country" -> Labels.orUnknown(h.countryCode).equals(value);
                case "city" -> Labels.orUnknown(h.city).equals(value);
                case "provider" -> Labels.orUnknown(h.provider).equals(value);
                case "asn" -> h.asnLabel.equals(value) || (h.asn > 0 && (value.equals(String.valueOf(h.asn))
                        || value.equalsIgnoreCase("AS" + h.asn)));
                case "browser" -> h.browserLabel.equals(value);
                case "language" -> h.languageLabel.equals(value);
                case "utm_campaign" -> Labels.orUnspecified(h.utmCampaign).equals(value);
                case "utm_content" -> Labels.orUnspecified(h.utmContent).equals(value);
                case "utm_medium" -> Labels.orUnspecified(h.utmMedium).equals(value);
                case "utm_source" -> Labels.orUnspecified(h.utmSource).equals(value);
                case "utm_term" -> Labels.orUnspecified(h.utmTerm).equals(value);
                case "qr_code_id" -> h.qrCodeId != null && Labels.isUuid(value) && h.qrCodeId.equalsIgnoreCase(value);
                default -> false;
            };
        }
    }

    private Filters() {}

    static boolean matchesAll(List<Filter> filters, Hit h) {
        for (Filter f : filters) {
            if (!f.matches(h)) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code filter} and the legacy {@code filter_type}/{@code filter_value}. */
    static List<Filter> parse(Call call) {
        List<Filter> filters = new ArrayList<>();
        for (String raw : call.params("filter")) {
            if (raw.trim().isEmpty()) {
                continue;
            }
            int colon = raw.indexOf(':');
            if (colon < 0) {
                throw HttpError.badRequest("invalid filter format");
            }
            String type = raw.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = raw.substring(colon + 1).trim();
            if (type.isEmpty() || value.isEmpty()) {
                throw HttpError.badRequest("filter type and value are required together");
            }
            if (!TYPES.contains(type)) {
                throw HttpError.badRequest("invalid filter type");
            }
            filters.add(normalise(type, value));
        }
        legacyPair(call, "filter_type", "filter_value", filters);
        return filters;
    }

    /** Event routes also take the deprecated {@code dimension_key}/{@code dimension_value} pair. */
    static List<Filter> parseWithDimension(Call call) {
        List<Filter> filters = parse(call);
        legacyPair(call, "dimension_key", "dimension_value", filters);
        return filters;
    }

    private static void legacyPair(Call call, String typeParam, String valueParam, List<Filter> filters) {
        String type = call.trimmedParam(typeParam);
        String value = call.trimmedParam(valueParam);
        if (type == null && value == null) {
            return;
        }
        if (type == null || value == null) {
            throw HttpError.badRequest(typeParam + " and " + valueParam + " are required together");
        }
        type = type.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw HttpError.badRequest("invalid " + typeParam);
        }
        filters.add(normalise(type, value));
    }

    private static Filter normalise(String type, String value) {
        if (type.equals("referrer") || type.equals("referrer_host")) {
            if (value.equalsIgnoreCase("direct") || value.equalsIgnoreCase("(direct)")) {
                value = Labels.DIRECT;
            }
        } else if (type.equals("language") && !value.equals(Labels.UNSPECIFIED)) {
            value = Labels.language(value);
        }
        return new Filter(type, value);
    }
}
