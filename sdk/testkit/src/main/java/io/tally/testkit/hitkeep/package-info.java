/**
 * A fake HitKeep server for tests and demos.
 *
 * <p>{@link io.tally.testkit.hitkeep.FakeHitKeep} is an in-process HTTP server that answers like HitKeep 2.8.1:
 * the same routes, query parameters, JSON shapes, plain-text errors, auth model (API tokens with explicit site
 * grants, dashboard sessions with MFA), cross-origin rule and optional per-IP rate limiting, over deterministic demo
 * data described in {@link io.tally.testkit.hitkeep.HitKeepDemo}. It records every request
 * ({@link io.tally.testkit.hitkeep.RecordedRequest}) and every accepted ingest
 * ({@link io.tally.testkit.hitkeep.IngestedRecord}).
 * {@link io.tally.testkit.hitkeep.FakeHitKeepExtension} runs it for JUnit 5 tests.
 */
@NullMarked
package io.tally.testkit.hitkeep;

import org.jspecify.annotations.NullMarked;
