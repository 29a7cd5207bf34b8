/**
 * A fake EngageTrack server for tests and demos: {@link io.tally.testkit.engagetrack.FakeEngageTrack} answers
 * every documented route over the deterministic data of {@link io.tally.testkit.engagetrack.EngageTrackDemo}, with
 * EngageTrack's envelopes, scopes, plans, session-only routes and per-key rate limit.
 */
@NullMarked
package io.tally.testkit.engagetrack;

import org.jspecify.annotations.NullMarked;
