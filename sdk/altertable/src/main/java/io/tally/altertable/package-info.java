/**
 * Tally for Altertable's Product Analytics ingestion API: send events from servers and apps without
 * losing them.
 *
 * <ul>
 *   <li>{@link io.tally.altertable.Altertable}: the server-tier client. Stateless calls with
 *       explicit ids ({@code track}, {@code identify}, {@code alias}), validated before they are
 *       queued, delivered in the background in batches with retries, an optional durable queue on
 *       disk, and an at-least-once guarantee.</li>
 *   <li>{@link io.tally.altertable.AltertableMobile}: the mobile-tier facade for apps. Anonymous and
 *       device ids, sessions and tracking consent kept in a {@link io.tally.altertable.Storage}.</li>
 *   <li>{@link io.tally.altertable.DeliveryFailure} and {@link io.tally.altertable.FlushResult}:
 *       what became of the payloads.</li>
 * </ul>
 *
 * <p>This module runs on Android (API 26 and later) as well as on servers.
 */
@NullMarked
package io.tally.altertable;

import org.jspecify.annotations.NullMarked;
