/**
 * Time windows for analytics reads: {@link io.tally.core.time.DateRange}, a half-open window of
 * instants with factories for the usual choices ({@code lastDays(7)}, {@code monthToDate()},
 * whole days in a time zone) and its previous period for comparisons.
 */
@NullMarked
package io.tally.core.time;

import org.jspecify.annotations.NullMarked;
