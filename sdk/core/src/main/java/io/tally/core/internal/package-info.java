/**
 * Internals of tally-core (transport, redaction, the shared OkHttp client, the client-side rate
 * limiter): not API, may change in any release. Public only so that {@link io.tally.core.spi} can
 * reach them.
 */
@NullMarked
package io.tally.core.internal;

import org.jspecify.annotations.NullMarked;
