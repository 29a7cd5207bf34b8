/**
 * What users of every Tally provider client touch: {@link io.tally.core.ClientOptions} and
 * {@link io.tally.core.ClientBuilder} (base URL, credentials, timeouts, retries, rate limit,
 * logging), {@link io.tally.core.Credentials}, {@link io.tally.core.RetryPolicy},
 * {@link io.tally.core.RequestOptions} for one request, {@link io.tally.core.RawResponse} for status
 * and headers, {@link io.tally.core.Environment} for {@code fromEnv()}, and the one exception
 * hierarchy under {@link io.tally.core.TallyException}.
 *
 * <p>Related packages: {@link io.tally.core.time} (time windows), {@link io.tally.core.paging}
 * (pages and auto-paging), {@link io.tally.core.json} (the JSON setup). Provider authors build on
 * {@link io.tally.core.spi}; {@code io.tally.core.internal} is not API.
 */
@NullMarked
package io.tally.core;

import org.jspecify.annotations.NullMarked;
