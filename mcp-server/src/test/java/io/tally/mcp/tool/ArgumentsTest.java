package io.tally.mcp.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    @Test
    void readsLenientlyAndNamesWhatIsWrong() {
        Arguments a = Arguments.of(Map.of("n", "12", "b", "true", "s", "  x  ", "blank", " ", "d", 1.5));
        assertThat(a.optionalLong("n")).contains(12L);
        assertThat(a.bool("b", false)).isTrue();
        assertThat(a.optionalString("s")).contains("x");
        assertThat(a.optionalString("blank")).isEmpty();
        assertThat(a.has("blank")).isFalse();
        assertThat(a.optionalDouble("d")).contains(1.5);
        assertThatThrownBy(() -> a.optionalLong("d")).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("d must be a whole number");
        assertThatThrownBy(() -> a.bool("s", false)).hasMessageStartingWith("s must be true or false");
        assertThatThrownBy(() -> a.requiredString("missing")).hasMessage("missing is required");
    }

    @Test
    void checksUuidsLikeHitKeep() {
        Arguments a = Arguments.of(Map.of("site_id", "3F1C2A9E-5B7D-4E21-9A8C-1D2E3F4A5B6C", "bad", "1-2-3-4-5"));
        assertThat(a.requiredUuid("site_id")).isEqualTo("3f1c2a9e-5b7d-4e21-9a8c-1d2e3f4a5b6c");
        assertThatThrownBy(() -> a.requiredUuid("bad")).hasMessageStartingWith("invalid bad");
    }

    @Test
    void choicesAreCaseInsensitiveAndCanonical() {
        Arguments a = Arguments.of(Map.of("status", "SAVED", "other", "maybe"));
        List<String> allowed = List.of("new", "saved");
        assertThat(a.optionalChoice("status", allowed, "invalid status \"%s\"")).contains("saved");
        assertThatThrownBy(() -> a.optionalChoice("other", allowed, "invalid status \"%s\""))
                .hasMessage("invalid status \"maybe\"; expected one of new, saved");
    }

    @Test
    void listsAcceptASingleStringAndRejectObjects() {
        assertThat(Arguments.of(Map.of("s", "overview")).stringList("s")).containsExactly("overview");
        assertThat(Arguments.of(Map.of("s", List.of("a", " ", "b"))).stringList("s")).containsExactly("a", "b");
        assertThatThrownBy(() -> Arguments.of(Map.of("s", List.of(Map.of()))).stringList("s"))
                .hasMessage("s must be an array of strings");
        assertThatThrownBy(() -> Arguments.of(Map.of("f", "x")).objectList("f"))
                .hasMessage("f must be an array of objects");
    }
}
