package io.tally.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathRoutesTest {
    private final PathRoutes<String> routes = new PathRoutes<String>()
            .add("GET", "/api/sites/{id}", "site")
            .add("GET", "/api/sites/overview", "overview")
            .add("POST", "/api/sites/{id}/goals", "goal");

    @Test
    void theMostLiteralTemplateWinsAndParametersAreExtracted() {
        assertThat(routes.find("GET", "/api/sites/overview").value()).isEqualTo("overview");
        PathRoutes.Match<String> site = routes.find("GET", "/api/sites/abc");
        assertThat(site.value()).isEqualTo("site");
        assertThat(site.params()).containsEntry("id", "abc");
        assertThat(site.route().template()).isEqualTo("/api/sites/{id}");
    }

    @Test
    void methodsAndEmptySegmentsMustMatch() {
        assertThat(routes.find("POST", "/api/sites/abc")).isNull();
        assertThat(routes.find("GET", "/api/sites/")).isNull();
        assertThat(routes.matchesPath("/api/sites/abc/goals")).isTrue();
        assertThat(routes.matchesPath("/api/other")).isFalse();
    }

    @Test
    void badRoutesAreRefused() {
        assertThatThrownBy(() -> routes.add("GET", "api", "x")).hasMessageContaining("template");
        assertThatThrownBy(() -> routes.add(" ", "/a", "x")).hasMessageContaining("method");
        assertThatThrownBy(() -> routes.add("GET", "/a", null)).hasMessageContaining("value");
    }
}
