/**
 * For provider authors, not for users of a provider client: the hooks a provider module builds on.
 *
 * <ul>
 *   <li>{@link io.tally.core.spi.ClientContext} and {@link io.tally.core.spi.ProviderInfo}: one
 *       configured connection to a provider, and how that provider talks (JSON mapper, error
 *       decoder, response envelope, request-id headers);</li>
 *   <li>{@link io.tally.core.spi.ApiRequest}: the base of every request object;</li>
 *   <li>{@link io.tally.core.spi.ErrorDecoder}, {@link io.tally.core.spi.ErrorDetails},
 *       {@link io.tally.core.spi.ResponseEnvelope} and {@link io.tally.core.spi.ApiExceptions}:
 *       how error bodies and wrapped bodies become exceptions and values;</li>
 *   <li>{@link io.tally.core.spi.RetryHints}: reading a server's "wait this long" hint;</li>
 *   <li>{@link io.tally.core.spi.ResponseReader} and {@link io.tally.core.spi.ResponseHandle}:
 *       reading a successful response.</li>
 * </ul>
 *
 * <p>These types are public and documented, but they change more freely than the user-facing
 * {@link io.tally.core} package: a provider module is released together with the core it uses.
 */
@NullMarked
package io.tally.core.spi;

import org.jspecify.annotations.NullMarked;
