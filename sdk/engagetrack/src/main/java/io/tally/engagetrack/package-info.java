/**
 * Tally for the EngageTrack REST API (hosted web analytics).
 *
 * <p>Start with {@link io.tally.engagetrack.EngageTrack}: build a client ({@code EngageTrack.builder()} or
 * {@code EngageTrack.fromEnv()}) with an API key or a session token and the organisation id, then call a
 * resource group ({@code sites()}, {@code analytics()}, {@code visitors()}, {@code funnels()},
 * {@code apiKeys()}, {@code team()}, {@code ingestion()}) for a request object, set its optional inputs and
 * {@code execute()} it. Analytics queries take a {@link io.tally.engagetrack.Period} and
 * {@link io.tally.engagetrack.Filter}s; listings page with {@code page}/{@code limit} and {@code autoPage()}.
 * The models are in {@link io.tally.engagetrack.model}.
 */
@NullMarked
package io.tally.engagetrack;

import org.jspecify.annotations.NullMarked;
