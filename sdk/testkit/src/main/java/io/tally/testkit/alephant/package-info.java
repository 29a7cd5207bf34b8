/**
 * {@link io.tally.testkit.alephant.FakeAlephant}: an in-process Alephant (SaaS, Cockpit and Analytics APIs) with a
 * demo workspace ({@link io.tally.testkit.alephant.AlephantDemo}).
 */
@NullMarked
package io.tally.testkit.alephant;

import org.jspecify.annotations.NullMarked;
