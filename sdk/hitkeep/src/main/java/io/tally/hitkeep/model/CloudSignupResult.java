package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a HitKeep Cloud sign-up.
 *
 * @param status      e.g. {@code verification_sent} (a free account waits for its e-mail link) or a checkout state
 * @param planCode    the plan signed up for
 * @param checkoutUrl the Stripe Checkout page for a paid plan, or {@code null}
 * @param redirectUrl where the browser should go next, or {@code null}
 */
public record CloudSignupResult(String status, String planCode, @Nullable String checkoutUrl,
        @Nullable String redirectUrl) {}
