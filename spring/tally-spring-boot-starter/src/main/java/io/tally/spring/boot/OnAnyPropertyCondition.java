package io.tally.spring.boot;

import java.util.Map;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnAnyProperty}. */
final class OnAnyPropertyCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = Objects.requireNonNull(
                metadata.getAnnotationAttributes(ConditionalOnAnyProperty.class.getName()),
                "only used through @ConditionalOnAnyProperty");
        String prefix = (String) attributes.get("prefix");
        String[] names = (String[]) Objects.requireNonNull(attributes.get("names"), "names");
        for (String name : (String[]) Objects.requireNonNull(attributes.get("required"), "required")) {
            String key = prefix + "." + name;
            if (!hasText(context, key)) {
                return ConditionOutcome.noMatch(key + " is not set");
            }
        }
        for (String name : names) {
            String key = prefix + "." + name;
            if (hasText(context, key)) {
                return ConditionOutcome.match(key + " is set");
            }
        }
        return ConditionOutcome.noMatch("none of " + prefix + ".{" + String.join(",", names) + "} is set");
    }

    private static boolean hasText(ConditionContext context, String key) {
        String value = context.getEnvironment().getProperty(key);
        return value != null && !value.isBlank();
    }
}
