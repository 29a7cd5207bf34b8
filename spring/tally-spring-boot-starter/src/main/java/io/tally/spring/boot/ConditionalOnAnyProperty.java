package io.tally.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when at least one of the properties {@link #names()} has a value that is not blank, and
 * every one of {@link #required()} does: a provider whose base URL has a default is configured by any
 * of its credentials (an empty value, e.g. from
 * {@code ${VAR:}}, counts as unset, as in {@link TallyClientProperties}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnAnyPropertyCondition.class)
@interface ConditionalOnAnyProperty {
    /**
     * The properties' common prefix, e.g. {@code tally.alke}.
     *
     * @return the prefix, without the trailing dot
     */
    String prefix();

    /**
     * The properties' names under the prefix, e.g. {@code api-token}.
     *
     * @return the names
     */
    String[] names();

    /**
     * Properties under the prefix that must all have a value as well (none by default).
     *
     * @return the names
     */
    String[] required() default {};
}
