package io.tally.hitkeep.model;

import org.jspecify.annotations.Nullable;

/**
 * One step of the dashboard's onboarding checklist.
 *
 * @param key the step, e.g. {@code create_site}, {@code verify_tracking}, {@code invite_teammate}
 * @param complete whether it is done
 * @param current progress so far, for counted steps
 * @param target progress needed, for counted steps
 * @param siteId the site the step refers to, or {@code null}
 * @param siteDomain that site's domain, or {@code null}
 */
public record OnboardingStep(
        String key,
        boolean complete,
        int current,
        int target,
        @Nullable String siteId,
        @Nullable String siteDomain) {}
