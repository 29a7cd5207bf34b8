package io.tally.spring.boot;

/**
 * Changes a provider's client builder after the properties were applied and before the client is
 * built: declare a bean of, e.g., {@code TallyBuilderCustomizer<HitKeep.Builder>} to set what
 * properties cannot express (an OkHttp client, an executor, a clock).
 *
 * @param <B> the provider's builder type, e.g. {@code HitKeep.Builder}
 */
@FunctionalInterface
public interface TallyBuilderCustomizer<B> {
    /**
     * Changes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(B builder);
}
