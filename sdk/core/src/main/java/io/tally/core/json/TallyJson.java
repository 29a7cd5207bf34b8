package io.tally.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one Jackson configuration every Tally module uses:
 * <ul>
 *   <li>unknown fields are ignored (servers add fields between releases);</li>
 *   <li>{@code null} or absent lists, sets and maps are read as empty ones, never {@code null}
 *       (absent ones through a record's or {@code @JsonCreator}'s constructor; a setter-based bean
 *       keeps whatever its field was initialised to);</li>
 *   <li>{@code java.time} types are read and written as ISO 8601 / RFC 3339 strings;</li>
 *   <li>{@code null} fields and empty {@code Optional}s are left out of request bodies;</li>
 *   <li>unknown enum values read as the enum's {@code @JsonEnumDefaultValue}, if it has one.</li>
 * </ul>
 * {@link #mapper()} keeps Java field names; {@link #snakeCaseMapper()} maps {@code camelCase} to
 * {@code snake_case}, for APIs that use it.
 */
public final class TallyJson {
    private static final ObjectMapper MAPPER = newMapper(false);
    private static final ObjectMapper SNAKE = newMapper(true);

    private TallyJson() {}

    /** The shared mapper with Java field names. Do not reconfigure it; copy it with {@code copy()}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The shared mapper that maps {@code camelCase} Java names to {@code snake_case} JSON names. */
    public static ObjectMapper snakeCaseMapper() {
        return SNAKE;
    }

    /** A new mapper with Tally's configuration. */
    public static ObjectMapper newMapper(boolean snakeCase) {
        JsonMapper.Builder b = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                // NON_ABSENT, not NON_NULL: an empty Optional must be left out too, not sent as null
                .serializationInclusion(JsonInclude.Include.NON_ABSENT);
        if (snakeCase) {
            b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
        JsonSetter.Value asEmpty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
        b.withConfigOverride(List.class, o -> o.setSetterInfo(asEmpty));
        b.withConfigOverride(Set.class, o -> o.setSetterInfo(asEmpty));
        b.withConfigOverride(Collection.class, o -> o.setSetterInfo(asEmpty));
        b.withConfigOverride(Map.class, o -> o.setSetterInfo(asEmpty));
        return b.build();
    }

    /** Parses JSON, or returns {@code null} when the text is not JSON. */
    public static @Nullable JsonNode readTreeOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
