package io.tally.hitkeep.model;

import io.tally.core.OpenValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tally.core.json.TallyJson;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every open string-backed value of the model package: parsing, equality, JSON and the messages for bad input. */
class OpenValueTest {
    /** A mapper that may not make members accessible: it can call only public methods of public classes. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
            .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
            .build();

    /**
     * One open value class: its parser, a constant, a spelling of that constant {@code of} must normalise to it,
     * and the message for a blank value.
     */
    record Case(Class<? extends OpenValue> type, Function<String, OpenValue> of, OpenValue constant, String spelling,
            String blankMessage) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(InstanceRole.class, InstanceRole::of, InstanceRole.OWNER, " Owner ",
                        "instanceRole must not be null or blank"),
                new Case(ImportProvider.class, ImportProvider::of, ImportProvider.PLAUSIBLE, " plausible ",
                        "import provider must not be null or blank (e.g. plausible, simpleanalytics)"),
                new Case(TeamRole.class, TeamRole::of, TeamRole.ADMIN, "ADMIN", "teamRole must not be null or blank"),
                new Case(CloudPlanCode.class, CloudPlanCode::of, CloudPlanCode.PRO, " Pro",
                        "plan code must not be null or blank (free, pro or business)"),
                new Case(ApiClientOwner.class, ApiClientOwner::of, ApiClientOwner.TEAM, "Team",
                        "apiClientOwner must not be null or blank"),
                new Case(SearchConsoleDimension.class, SearchConsoleDimension::of, SearchConsoleDimension.DEVICE,
                        "DEVICE",
                        "Search Console dimension must not be null or blank (country or device)"),
                new Case(AiResourceType.class, AiResourceType::of, AiResourceType.HTML, "Html",
                        "aiResourceType must not be null or blank"),
                new Case(SiteRole.class, SiteRole::of, SiteRole.OWNER, "owner ", "siteRole must not be null or blank"),
                new Case(MatchType.class, MatchType::of, MatchType.PATH, "Path", "matchType must not be null or blank"),
                new Case(ExclusionType.class, ExclusionType::of, ExclusionType.CIDR, "CIDR",
                        "exclusionType must not be null or blank"),
                new Case(TrackingState.class, TrackingState::of, TrackingState.WAITING, "Waiting",
                        "trackingState must not be null or blank"),
                new Case(DigestFrequency.class, DigestFrequency::of, DigestFrequency.WEEKLY, " Weekly ",
                        "digest frequency must not be null or blank (daily or weekly)"),
                new Case(OpportunityStatus.class, OpportunityStatus::of, OpportunityStatus.DISMISSED, "Dismissed",
                        "opportunity status must not be null or blank (new, saved, done or dismissed)"),
                new Case(RealtimeEventType.class, RealtimeEventType::of, RealtimeEventType.ANALYTICS_RESYNC,
                        " analytics.resync ",
                        "realtimeEventType must not be null or blank"),
                new Case(ChatbotScope.class, ChatbotScope::of, ChatbotScope.PROVIDER, "Provider",
                        "chatbotScope must not be null or blank"),
                new Case(HitSort.class, HitSort::of, HitSort.REFERRER, "Referrer", "hitSort must not be null or blank"),
                new Case(MfaFactor.class, MfaFactor::of, MfaFactor.TOTP, "TOTP", "mfaFactor must not be null or blank"),
                new Case(WebVitalRating.class, WebVitalRating::of, WebVitalRating.GOOD, "Good",
                        "webVitalRating must not be null or blank"),
                new Case(WebVitalDimension.class, WebVitalDimension::of, WebVitalDimension.BROWSER, "BROWSER",
                        "webVitalDimension must not be null or blank"),
                new Case(WebVitalMetric.class, WebVitalMetric::of, WebVitalMetric.INP, " inp ",
                        "webVitalMetric must not be null or blank"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ofNormalisesToTheConstantAndComparesByValue(Case c) {
        OpenValue parsed = c.of().apply(c.spelling());

        assertThat(parsed).isEqualTo(c.constant()).hasSameHashCodeAs(c.constant()).isNotSameAs(c.constant());
        assertThat(parsed.value()).isEqualTo(c.constant().value());
        assertThat(parsed).hasToString(c.constant().value());
        assertThat(parsed).isNotEqualTo(c.of().apply("something-newer")).isNotEqualTo(null)
                .isNotEqualTo(c.constant().value());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aValueTheServerAddsLaterIsKept(Case c) {
        OpenValue added = c.of().apply(" added.later ");

        assertThat(added.value()).isIn("added.later", "ADDED.LATER");
        assertThat(added).isEqualTo(c.of().apply(added.value()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theDocumentedValuesAreKnownAndOnesTheServerAddsLaterAreNot(Case c) {
        assertThat(c.constant().isKnown()).isTrue();
        assertThat(c.of().apply(c.spelling()).isKnown()).isTrue();
        assertThat(c.of().apply("added.later").isKnown()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void blankOrNullIsRefusedNamingTheValue(Case c) {
        assertThatThrownBy(() -> c.of().apply(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(c.blankMessage());
        assertThatThrownBy(() -> c.of().apply(" \t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(c.blankMessage());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jsonIsTheBareStringWithEveryMapper(Case c) throws JsonProcessingException {
        String json = "\"" + c.constant().value() + "\"";
        for (ObjectMapper mapper : new ObjectMapper[] {TallyJson.snakeCaseMapper(), new ObjectMapper(), STRICT}) {
            assertThat(mapper.writeValueAsString(c.constant())).isEqualTo(json);
            assertThat(mapper.readValue("\"" + c.spelling() + "\"", c.type())).isEqualTo(c.constant());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void valueIsCallableByReflection(Case c) throws ReflectiveOperationException {
        Method value = c.type().getMethod("value");

        assertThat(value.invoke(c.constant())).isEqualTo(c.constant().value());
    }

    @Test
    void valuesOfDifferentClassesAreNeverEqual() {
        assertThat(TeamRole.OWNER.value()).isEqualTo(SiteRole.OWNER.value());
        assertThat((Object) TeamRole.OWNER).isNotEqualTo(SiteRole.OWNER);
        assertThat((Object) WebVitalDimension.COUNTRY).isNotEqualTo(SearchConsoleDimension.COUNTRY);
    }
}
