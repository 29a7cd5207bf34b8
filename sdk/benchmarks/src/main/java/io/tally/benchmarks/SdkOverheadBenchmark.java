package io.tally.benchmarks;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.stripe.StripeClient;
import io.tally.core.json.TallyJson;
import io.tally.core.time.DateRange;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.model.Site;
import io.tally.hitkeep.model.SiteStats;
import io.tally.testkit.hitkeep.FakeHitKeep;
import io.tally.testkit.hitkeep.HitKeepDemo;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code java -jar tally-benchmarks.jar sdk}: the cost of a Tally call next to the raw floor (OkHttp + Jackson,
 * JDK HttpClient + Jackson, both decoding into the same model types) and to two peer SDKs (openai-java's models
 * list, stripe-java's customers list), all against one loopback server answering with bodies of similar size.
 * Prints medians of interleaved rounds and ratios to OkHttp + Jackson.
 */
final class SdkOverheadBenchmark {
    static final String USAGE = """
            usage: java -jar tally-benchmarks.jar sdk [--callers 1,8] [--rounds 11] [--round-ms 1500] [--warmup-ms 3000]
                                                 [--only TEXT[,TEXT...]]
              --only  runs just the calls whose name contains one of the texts (e.g. "list: OkHttp,list: Tally"),
                      for profiling one client; ratios need the floor of the same route among them
            """;
    private static final int SITES = 20;
    private static final DateRange RANGE = DateRange.between(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-31T00:00:00Z"));

    private SdkOverheadBenchmark() {}

    static int run(String[] args) throws Exception {
        List<Integer> callers = List.of(1, 8);
        // many long rounds: on a shared machine the load moves, and the median of round-by-round ratios follows it
        int rounds = 11;
        long roundMs = 1500;
        long warmupMs = 3000;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--callers" -> callers = parseList(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--round-ms" -> roundMs = Long.parseLong(value);
                case "--warmup-ms" -> warmupMs = Long.parseLong(value);
                case "--only" -> only = List.of(value.split(","));
                default -> {
                    System.err.print(USAGE);
                    return 2;
                }
            }
            i++;
        }
        try (FakeHitKeep fake = FakeHitKeep.builder().host("127.0.0.1").port(0).recordRequests(false).start()) {
            Bodies bodies = new Bodies(fake.baseUrl());
            try (LoopbackHttpServer server = LoopbackHttpServer.start(
                    request -> new LoopbackHttpServer.Response(200, bodies.of(request.path())))) {
                String base = "http://127.0.0.1:" + server.port();
                Map<String, LoadRounds.Call> targets = targets(base, bodies);
                List<String> wanted = only;
                if (!wanted.isEmpty()) {
                    targets.keySet().removeIf(name -> wanted.stream().noneMatch(name::contains));
                }
                System.out.printf(Locale.ROOT, "bodies: HitKeep sites list %d B, site stats %d B, OpenAI models %d B,"
                        + " Stripe customers %d B%n", bodies.of(bodies.listPath).length,
                        bodies.of(bodies.statsPath.substring(0, bodies.statsPath.indexOf('?'))).length,
                        bodies.of("/v1/models").length, bodies.of("/v1/customers").length);
                List<LoadRounds.Result> results = new ArrayList<>();
                for (int c : callers) {
                    results.addAll(LoadRounds.run(targets, c, warmupMs, rounds, roundMs));
                }
                print(results, rounds, roundMs);
            }
        }
        return 0;
    }

    private static Map<String, LoadRounds.Call> targets(String base, Bodies bodies) {
        ObjectMapper mapper = TallyJson.snakeCaseMapper();
        JavaType siteList = mapper.getTypeFactory().constructCollectionType(List.class, Site.class);
        JavaType stats = mapper.getTypeFactory().constructType(SiteStats.class);
        HitKeep tally = HitKeep.builder().baseUrl(base).apiToken(HitKeepDemo.TOKEN).build();
        OkHttpClient ok = new OkHttpClient.Builder().build();
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        OpenAIClient openai = OpenAIOkHttpClient.builder().apiKey("sk-bench").baseUrl(base + "/v1").maxRetries(0)
                .build();
        StripeClient stripe = StripeClient.builder().setApiKey("sk_test_bench").setApiBase(base).setMaxNetworkRetries(0)
                .build();
        Map<String, LoadRounds.Call> t = new LinkedHashMap<>();
        t.put("list: OkHttp + Jackson (floor)", () -> okGet(ok, mapper, siteList, base + bodies.listPath));
        t.put("list: JDK HttpClient + Jackson", () -> jdkGet(jdk, mapper, siteList, base + bodies.listPath));
        t.put("list: Tally sites().list()", () -> check(tally.sites().list().execute().size() == SITES));
        t.put("list: openai-java models().list()", () -> check(!openai.models().list().data().isEmpty()));
        t.put("list: stripe-java customers().list()", () -> check(!stripe.v1().customers().list().getData().isEmpty()));
        t.put("stats: OkHttp + Jackson (floor)", () -> okGet(ok, mapper, stats, base + bodies.statsPath));
        t.put("stats: JDK HttpClient + Jackson", () -> jdkGet(jdk, mapper, stats, base + bodies.statsPath));
        t.put("stats: Tally sites().stats(id)", () -> check(tally.sites().stats(HitKeepDemo.SHOP_SITE_ID).range(RANGE)
                .execute() != null));
        return t;
    }

    private static void okGet(OkHttpClient ok, ObjectMapper mapper, JavaType type, String url) throws Exception {
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + HitKeepDemo.TOKEN)
                .header("Accept", "application/json").build();
        try (Response response = ok.newCall(request).execute()) {
            check(response.isSuccessful());
            check(mapper.readValue(response.body().byteStream(), type) != null);
        }
    }

    private static void jdkGet(HttpClient jdk, ObjectMapper mapper, JavaType type, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + HitKeepDemo.TOKEN)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = jdk.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            check(response.statusCode() == 200);
            check(mapper.readValue(body, type) != null);
        }
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("unexpected answer");
        }
    }

    private static void print(List<LoadRounds.Result> results, int rounds, long roundMs) {
        System.out.printf(Locale.ROOT,
                "%nMedians of %d interleaved rounds of %d ms. Ratios are to OkHttp + Jackson of the same"
                        + " route and caller count, taken round by round (each target next to the floor's round under about the same"
                        + " machine load), then the median; the range gives the lowest and highest round's p50 ratio.%n",
                rounds, roundMs);
        System.out.println("| callers | call | p50 µs | p99 µs | calls/s | KB alloc/call | CPU µs/call | p50 ratio"
                + " | p50 ratio range | calls/s ratio | alloc ratio | CPU ratio |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (LoadRounds.Result r : results) {
            String route = r.target().substring(0, r.target().indexOf(':'));
            LoadRounds.Result floor = results.stream().filter(f -> f.callers() == r.callers()
                    && f.target().equals(route + ": OkHttp + Jackson (floor)")).findFirst().orElse(r);
            double[] range = r.ratioRange(floor, LoadRounds.P50);
            System.out.printf(Locale.ROOT,
                    "| %d | %s | %.0f | %.0f | %.0f | %.1f | %.0f | %.2f× | %.2f–%.2f | %.2f× | %.2f×"
                            + " | %.2f× |%n",
                    r.callers(), r.target(), r.p50Micros(), r.p99Micros(), r.callsPerSecond(), r.bytesPerCall() / 1024,
                    r.cpuMicrosPerCall(), r.medianRatio(floor, LoadRounds.P50), range[0], range[1],
                    r.medianRatio(floor, LoadRounds.CALLS_PER_SECOND), r.medianRatio(floor, LoadRounds.BYTES),
                    r.medianRatio(floor, LoadRounds.CPU));
        }
    }

    private static List<Integer> parseList(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }

    /**
     * The answers, made once: HitKeep's from the testkit fake's demo data (its site list repeated to 20 sites),
     * OpenAI's models list and Stripe's customers list padded to about the size of the sites list.
     */
    private static final class Bodies {
        private final Map<String, byte[]> byPath = new ConcurrentHashMap<>();
        private final String fakeBase;
        final String listPath = "/api/sites";
        final String statsPath;

        Bodies(String fakeBase) throws Exception {
            this.fakeBase = fakeBase;
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode demo = (ArrayNode) mapper.readTree(fetch(listPath));
            ArrayNode sites = mapper.createArrayNode();
            for (int i = 0; i < SITES; i++) {
                ObjectNode site = demo.get(i % demo.size()).deepCopy();
                site.put("id", String.format(Locale.ROOT, "%08d-5b7d-4e21-9a8c-1d2e3f4a5b6c", i));
                sites.add(site);
            }
            byte[] list = mapper.writeValueAsBytes(sites);
            byPath.put(listPath, list);
            // the exact path and query Tally sends for the stats call, so the raw clients ask for the same
            String[] seen = new String[1];
            HitKeep probe = HitKeep.builder().baseUrl(fakeBase).apiToken(HitKeepDemo.TOKEN)
                    .httpClient(new OkHttpClient.Builder().addInterceptor(chain -> {
                        seen[0] = chain.request().url().encodedPath() + "?" + chain.request().url().encodedQuery();
                        return chain.proceed(chain.request());
                    }).build()).build();
            probe.sites().stats(HitKeepDemo.SHOP_SITE_ID).range(RANGE).execute();
            statsPath = seen[0];
            byPath.put(statsPath.substring(0, statsPath.indexOf('?')), fetch(statsPath)); // the server sees no query
            byPath.put("/v1/models", padded(list.length, i -> String.format(Locale.ROOT,
                    "{\"id\":\"model-%03d-2026-01-01\",\"object\":\"model\",\"created\":1767225600,\"owned_by\":\"system\"}",
                    i), "{\"object\":\"list\",\"data\":[", "]}"));
            byPath.put("/v1/customers", padded(list.length, i -> String.format(Locale.ROOT,
                    "{\"id\":\"cus_%014d\",\"object\":\"customer\",\"address\":null,\"balance\":0,\"created\":1767225600,"
                            + "\"currency\":\"eur\",\"delinquent\":false,\"description\":null,\"email\":\"c%d@example.com\","
                            + "\"invoice_prefix\":\"A%05d\",\"livemode\":false,\"metadata\":{},\"name\":\"Customer %d\","
                            + "\"preferred_locales\":[],\"tax_exempt\":\"none\"}",
                    i, i, i, i),
                    "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":false,\"data\":[", "]}"));
        }

        byte[] of(String path) {
            byte[] body = byPath.get(path);
            if (body == null) {
                throw new IllegalStateException("no answer for " + path);
            }
            return body;
        }

        private byte[] fetch(String path) throws Exception {
            OkHttpClient ok = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
            Request request = new Request.Builder().url(fakeBase + path)
                    .header("Authorization", "Bearer " + HitKeepDemo.TOKEN).build();
            try (Response response = ok.newCall(request).execute()) {
                check(response.isSuccessful());
                return response.body().bytes();
            }
        }

        private static byte[] padded(int size, java.util.function.IntFunction<String> item, String open, String close) {
            StringBuilder sb = new StringBuilder(open);
            for (int i = 0; sb.length() < size; i++) {
                sb.append(i == 0 ? "" : ",").append(item.apply(i));
            }
            return sb.append(close).toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
