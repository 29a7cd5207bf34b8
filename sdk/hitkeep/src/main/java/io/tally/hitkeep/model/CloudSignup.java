package io.tally.hitkeep.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A HitKeep Cloud sign-up: the first user, the team, and the plan. {@link #toString()} hides the password.
 *
 * @param email        the user's e-mail address
 * @param password     at least 8 characters
 * @param teamName     the new team's name
 * @param planCode     the plan
 * @param givenName    optional
 * @param lastName     optional
 * @param jurisdiction optional data jurisdiction, e.g. {@code EU}
 * @param locale       optional UI and e-mail locale, e.g. {@code de}
 */
public record CloudSignup(String email, String password, String teamName, CloudPlanCode planCode,
        @Nullable String givenName, @Nullable String lastName, @Nullable String jurisdiction, @Nullable String locale) {
    /** HitKeep's shortest password. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** Checks the required fields; throws {@link IllegalArgumentException} naming the one that is wrong. */
    public CloudSignup {
        if (email == null || email.trim().isEmpty() || email.indexOf('@') < 1) {
            throw new IllegalArgumentException("email must be an e-mail address");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (teamName == null || teamName.trim().isEmpty()) {
            throw new IllegalArgumentException("teamName must not be null or blank");
        }
        Objects.requireNonNull(planCode, "planCode");
    }

    /** A sign-up with the required fields only. */
    public static CloudSignup of(String email, String password, String teamName, CloudPlanCode planCode) {
        return new CloudSignup(email, password, teamName, planCode, null, null, null, null);
    }

    /** The same sign-up with the user's names. */
    public CloudSignup withNames(@Nullable String givenName, @Nullable String lastName) {
        return new CloudSignup(email, password, teamName, planCode, givenName, lastName, jurisdiction, locale);
    }

    /** The same sign-up with a jurisdiction and locale. */
    public CloudSignup withRegion(@Nullable String jurisdiction, @Nullable String locale) {
        return new CloudSignup(email, password, teamName, planCode, givenName, lastName, jurisdiction, locale);
    }

    @Override
    public String toString() {
        return "CloudSignup[email=" + email + ", password=██, teamName=" + teamName + ", planCode=" + planCode + "]";
    }
}
