/**
 * HitKeep's response and input models: immutable, lenient on fields a newer HitKeep adds, never
 * {@code null} lists. Values HitKeep may add to ({@link io.tally.hitkeep.model.TeamRole},
 * {@link io.tally.hitkeep.model.HitSort}, …) are open string-backed values rather than Java enums.
 */
@NullMarked
package io.tally.hitkeep.model;

import org.jspecify.annotations.NullMarked;
