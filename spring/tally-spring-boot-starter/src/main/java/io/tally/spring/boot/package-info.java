/**
 * Spring Boot auto-configuration for Tally: a client bean per provider configured from
 * {@code tally.<provider>.*} properties ({@link io.tally.spring.boot.HitKeepProperties},
 * {@link io.tally.spring.boot.AltertableProperties}, {@link io.tally.spring.boot.EngageTrackProperties},
 * {@link io.tally.spring.boot.AlephantProperties}, {@link io.tally.spring.boot.AlkeProperties}), a {@code tally} health indicator built from
 * {@link io.tally.spring.boot.TallyHealthCheck} beans, and Micrometer metrics of every SDK call through
 * {@link io.tally.spring.boot.MicrometerRequestListener}. Works on Spring Boot 4.0 and 3.5.
 *
 * <p>Every {@link io.tally.core.RequestListener} bean is added to every client, and every
 * {@link io.tally.spring.boot.TallyBuilderCustomizer} bean for a provider's builder type is applied to
 * that builder before the client is built.
 */
@NullMarked
package io.tally.spring.boot;

import org.jspecify.annotations.NullMarked;
