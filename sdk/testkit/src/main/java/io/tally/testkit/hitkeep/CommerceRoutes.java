package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Filters.Filter;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Hit;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ecommerce reports, read from {@code purchase}/{@code order_completed} and {@code begin_checkout}/
 * {@code checkout_started} events with their {@code value}, {@code currency} and {@code items} properties.
 */
final class CommerceRoutes {

    record Item(String itemId, String itemName, int quantity, double price) {}

    record Order(Instant time, double value, String currency, List<Item> items, Hit entry) {}

    record Dataset(List<Order> purchases, List<Order> checkouts) {}

    void register(RouteTable t) {
        t.route("GET", "/api/sites/{id}/ecommerce").site(SitePermission.VIEW).to(this::summary);
        t.route("GET", "/api/sites/{id}/ecommerce/products").site(SitePermission.VIEW).to(this::products);
        t.route("GET", "/api/sites/{id}/ecommerce/sources").site(SitePermission.VIEW).to(this::sources);
        t.route("GET", "/api/sites/{id}/ecommerce/timeseries").site(SitePermission.VIEW).to(this::series);
    }

    private static Dataset load(Call c, Window w) {
        List<Filter> filters = Filters.parse(c);
        String itemId = c.trimmedParam("item_id");
        String itemName = c.trimmedParam("item_name");
        List<Hit> windowHits = Analytics.hits(c.site(), c.now, w, List.of());
        Map<String, Hit> entries = Analytics.firstHits(windowHits);
        Set<String> scope = filters.isEmpty() ? null : Analytics.sessions(Analytics.hits(c.site(), c.now, w, filters));
        List<Order> purchases = new ArrayList<>();
        List<Order> checkouts = new ArrayList<>();
        for (Event e : c.site().events(c.now)) {
            if (!w.contains(e.timestamp()) || (scope != null && !scope.contains(e.sessionId()))) {
                continue;
            }
            String name = e.name().trim().toLowerCase(Locale.ROOT);
            boolean purchase = name.equals("purchase") || name.equals("order_completed");
            boolean checkout = name.equals("begin_checkout") || name.equals("checkout_started");
            if (!purchase && !checkout) {
                continue;
            }
            List<Item> items = items(e.properties());
            Order order = new Order(e.timestamp(), number(e.properties().get("value"), e.properties().get("amount")),
                    text(e.properties().get("currency")), items, entries.getOrDefault(e.sessionId(), e.context()));
            if (!matchesItem(items, itemId, itemName)) {
                continue;
            }
            (purchase ? purchases : checkouts).add(order);
        }
        return new Dataset(purchases, checkouts);
    }

    @SuppressWarnings("unchecked")
    private static List<Item> items(Map<String, Object> props) {
        List<Item> items = new ArrayList<>();
        if (props.get("items") instanceof List<?> raw) {
            for (Object o : raw) {
                if (o instanceof Map<?, ?> m) {
                    Item item = item((Map<String, Object>) m);
                    if (item != null) {
                        items.add(item);
                    }
                }
            }
        }
        if (items.isEmpty()) {
            Item single = item(props);
            if (single != null) {
                items.add(single);
            }
        }
        return items;
    }

    private static @Nullable Item item(Map<String, Object> m) {
        String id = text(m.containsKey("item_id") ? m.get("item_id") : m.get("product_id"));
        String name = text(m.containsKey("item_name") ? m.get("item_name") : m.get("product_name"));
        if (id.isEmpty() && name.isEmpty()) {
            return null;
        }
        int quantity = m.get("quantity") instanceof Number n ? n.intValue() : 1;
        return new Item(id, name, Math.max(1, quantity), number(m.get("price"), m.get("value")));
    }

    private static boolean matchesItem(List<Item> items, @Nullable String itemId, @Nullable String itemName) {
        if (itemId == null && itemName == null) {
            return true;
        }
        for (Item i : items) {
            if (itemId != null && i.itemId().trim().equalsIgnoreCase(itemId)) {
                return true;
            }
            if (itemName != null && i.itemName().trim().equalsIgnoreCase(itemName)) {
                return true;
            }
        }
        return false;
    }

    private static double number(@Nullable Object... candidates) {
        for (Object o : candidates) {
            if (o instanceof Number n) {
                return n.doubleValue();
            }
        }
        return 0;
    }

    private static String text(@Nullable Object o) {
        return o instanceof String s ? s : "";
    }

    private void summary(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        Dataset d = load(c, w);
        double revenue = 0;
        Map<String, Long> currencies = new HashMap<>();
        for (Order o : d.purchases()) {
            revenue += o.value();
            if (!o.currency().isEmpty()) {
                currencies.merge(o.currency(), 1L, Long::sum);
            }
        }
        List<Hit> checkoutEntries = new ArrayList<>();
        for (Order o : d.checkouts()) {
            checkoutEntries.add(o.entry());
        }
        int orders = d.purchases().size();
        int starts = d.checkouts().size();
        List<Analytics.MetricStat> topCurrency = Analytics.ranked(currencies, 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("currency", topCurrency.isEmpty() ? "" : topCurrency.get(0).name());
        out.put("revenue", Analytics.round(revenue, 2));
        out.put("orders", orders);
        out.put("average_order_value", orders == 0 ? 0.0 : Analytics.round(revenue / orders, 2));
        out.put("checkout_starts", starts);
        out.put("checkout_conversion_rate", starts == 0 ? 0.0 : orders * 100.0 / starts);
        int limit = AnalyticsRoutes.limit(c, 10, 50);
        out.put("top_cities", Analytics.top(checkoutEntries, h -> Labels.orUnknown(h.city), limit));
        out.put("top_providers", Analytics.top(checkoutEntries, h -> Labels.orUnknown(h.provider), limit));
        out.put("top_asns", Analytics.top(checkoutEntries, h -> h.asnLabel, limit));
        c.json(200, out);
    }

    private void products(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        int limit = AnalyticsRoutes.limit(c, 10, 50);
        Dataset d = load(c, w);
        Map<String, Map<String, Object>> byItem = new LinkedHashMap<>();
        for (Order o : d.purchases()) {
            for (Item i : o.items()) {
                Map<String, Object> row = byItem.computeIfAbsent(i.itemId() + "\u001f" + i.itemName(), k -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("item_id", i.itemId());
                    r.put("item_name", i.itemName());
                    r.put("revenue", 0.0);
                    r.put("orders", 0);
                    r.put("quantity", 0);
                    return r;
                });
                row.put("revenue",
                        Analytics.round((Double) row.getOrDefault("revenue", 0.0) + i.quantity() * i.price(), 2));
                row.put("orders", (Integer) row.getOrDefault("orders", 0) + 1);
                row.put("quantity", (Integer) row.getOrDefault("quantity", 0) + i.quantity());
            }
        }
        c.json(200, topByRevenue(byItem.values(), "item_name", limit));
    }

    private void sources(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        int limit = AnalyticsRoutes.limit(c, 10, 50);
        Dataset d = load(c, w);
        Map<String, Map<String, Object>> bySource = new LinkedHashMap<>();
        for (Order o : d.purchases()) {
            Hit e = o.entry();
            String source = Labels.orUnspecified(e.utmSource);
            String medium = Labels.orUnspecified(e.utmMedium);
            String campaign = Labels.orUnspecified(e.utmCampaign);
            Map<String, Object> row = bySource.computeIfAbsent(
                    String.join("\u001f", source, medium, campaign, e.referrerLabel), k -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("utm_source", source);
                        r.put("utm_medium", medium);
                        r.put("utm_campaign", campaign);
                        r.put("referrer", e.referrerLabel);
                        r.put("revenue", 0.0);
                        r.put("orders", 0);
                        return r;
                    });
            row.put("revenue", Analytics.round((Double) row.getOrDefault("revenue", 0.0) + o.value(), 2));
            row.put("orders", (Integer) row.getOrDefault("orders", 0) + 1);
        }
        c.json(200, topByRevenue(bySource.values(), "utm_source", limit));
    }

    /** The first {@code limit} rows by revenue, then orders (both descending), then {@code nameKey}. */
    private static List<Map<String, Object>> topByRevenue(Collection<Map<String, Object>> rows, String nameKey,
            int limit) {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Map<String, Object> r) -> (Double) r.get("revenue")).reversed()
                .thenComparing(r -> -(Integer) r.getOrDefault("orders", 0))
                .thenComparing(r -> (String) r.get(nameKey)));
        return sorted.size() > limit ? sorted.subList(0, limit) : sorted;
    }

    private void series(Call c) throws IOException {
        Window w = Window.of(c, Window.Family.ANALYTICS);
        Dataset d = load(c, w);
        Analytics.Unit unit = Analytics.Unit.of(w);
        Map<Instant, double[]> buckets = new HashMap<>();
        for (Order o : d.purchases()) {
            double[] b = buckets.computeIfAbsent(unit.truncate(o.time()), k -> new double[2]);
            b[0] += o.value();
            b[1]++;
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Instant t : Analytics.grid(w, unit)) {
            double[] b = buckets.getOrDefault(t, new double[2]);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("time", t);
            p.put("revenue", Analytics.round(b[0], 2));
            p.put("orders", (long) b[1]);
            points.add(p);
        }
        c.json(200, points);
    }
}
