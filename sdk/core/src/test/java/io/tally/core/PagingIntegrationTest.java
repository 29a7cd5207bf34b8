package io.tally.core;

import io.tally.core.spi.ClientContext;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tally.core.paging.AutoPager;
import io.tally.core.paging.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An auto-pager over a real request: each page is the same request at the next offset, fetched on demand. */
class PagingIntegrationTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Harness harness = new Harness();

    record Hit(String path) {}

    @BeforeEach
    void threePages() {
        stubPage("0", "[{\"path\":\"/a\"},{\"path\":\"/b\"}]");
        stubPage("2", "[{\"path\":\"/c\"},{\"path\":\"/d\"}]");
        stubPage("4", "[{\"path\":\"/e\"}]");
    }

    private static void stubPage(String offset, String body) {
        wm.stubFor(get(urlPathEqualTo("/hits")).withQueryParam("offset", equalTo(offset))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }

    private AutoPager<Hit> pager() {
        ClientContext context = harness.context(wm.baseUrl());
        TestRequest<List<Hit>> request = new TestRequest<>(context, "GET", "/hits", context.listOf(Hit.class))
                .param("site", "s1").header("X-Extra", "kept");
        return AutoPager.offsetLimit(0, 2, (offset, limit) -> {
            Map<String, String> at = new LinkedHashMap<>();
            at.put("offset", Long.toString(offset));
            at.put("limit", Integer.toString(limit));
            return Page.of(request.withQuery(at));
        });
    }

    @Test
    void iteratesEveryPageUntilAShortOne() {
        List<String> paths = pager().stream().map(Hit::path).collect(Collectors.toList());

        assertThat(paths).containsExactly("/a", "/b", "/c", "/d", "/e");
        wm.verify(3, getRequestedFor(urlPathEqualTo("/hits")).withQueryParam("site", equalTo("s1"))
                .withQueryParam("limit", equalTo("2")).withHeader("X-Extra", equalTo("kept")));
    }

    @Test
    void fetchesOnlyThePagesThatAreRead() {
        AutoPager<Hit> pager = pager();
        java.util.stream.Stream<Hit> stream = pager.stream();
        wm.verify(0, getRequestedFor(urlPathEqualTo("/hits")));

        assertThat(stream.limit(3).map(Hit::path).collect(Collectors.toList())).containsExactly("/a", "/b", "/c");

        wm.verify(2, getRequestedFor(urlPathEqualTo("/hits")));
    }

    @Test
    void listReaderTurnsAnEmptyBodyIntoAnEmptyList() {
        wm.stubFor(get(urlPathEqualTo("/none")).willReturn(aResponse().withStatus(200)));
        ClientContext context = harness.context(wm.baseUrl());

        List<Hit> hits = new TestRequest<>(context, "GET", "/none", context.listOf(Hit.class)).execute();

        assertThat(hits).isNotNull().isEmpty();
    }
}
