/**
 * Time for tests, so that no test sleeps for real: {@link io.tally.testkit.ManualClock}, a clock that moves only
 * when the test moves it, and {@link io.tally.testkit.RecordingSleeper}, a sleeper that records the waits it is
 * asked for instead of sleeping. Give them to a Tally client (its builder's or options' {@code clock(..)} and
 * {@code sleeper(..)}) and the clock to {@link io.tally.testkit.hitkeep.FakeHitKeep}. The fake servers themselves
 * are in {@link io.tally.testkit.hitkeep} and {@link io.tally.testkit.altertable}, on the base in
 * {@link io.tally.testkit.server}; the provider conformance suite is in {@link io.tally.testkit.conformance}.
 */
@NullMarked
package io.tally.testkit;

import org.jspecify.annotations.NullMarked;
