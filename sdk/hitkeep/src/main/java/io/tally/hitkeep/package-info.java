/**
 * Tally for the HitKeep REST API (open-source web analytics).
 *
 * <p>Start with {@link io.tally.hitkeep.HitKeep}: build a client ({@code HitKeep.builder()} or
 * {@code HitKeep.fromEnv()}), then call a resource group ({@code sites()}, {@code events()},
 * {@code teams()}, …) for a request object, set its optional inputs and {@code execute()} it.
 * Every request names the credentials its route accepts (an API token, a dashboard session,
 * none); windowed reads take {@code range}/{@code from}/{@code to}; file exports stream to disk.
 * The response models are in {@link io.tally.hitkeep.model}.
 */
@NullMarked
package io.tally.hitkeep;

import org.jspecify.annotations.NullMarked;
