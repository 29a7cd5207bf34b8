/**
 * The Alephant client: {@link io.tally.alephant.Alephant} for the SaaS, Cockpit and Analytics APIs,
 * with Alephant's credential and input rules checked before anything is sent.
 */
@NullMarked
package io.tally.alephant;

import org.jspecify.annotations.NullMarked;
