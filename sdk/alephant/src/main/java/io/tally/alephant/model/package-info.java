/**
 * Alephant's payloads: lenient views of the JSON as received ({@link io.tally.alephant.model.AlephantObject}),
 * and {@link io.tally.alephant.model.Money}, which keeps dollars and cents apart.
 */
@NullMarked
package io.tally.alephant.model;

import org.jspecify.annotations.NullMarked;
