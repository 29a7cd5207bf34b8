package io.tally.testkit.hitkeep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A dashboard user of the fake: someone who can sign in with {@code POST /api/login} and then call
 * session-only routes with the {@code hk_token} cookie (HitKeep reference §2.7).
 *
 * <p>A user with a {@linkplain Builder#totpCode(String) TOTP code} gets an MFA challenge from the login route
 * and must complete it with {@code POST /api/auth/mfa/totp/verify} (that code is always the valid one) or with one
 * of its {@linkplain Builder#recoveryCodes(String...) recovery codes} (each works once).
 *
 * <pre>{@code
 * fake.addUser(DashboardUser.builder("alice@example.com", "correct horse")
 *     .grants(Grant.site(HitKeepDemo.BLOG_SITE_ID, Role.EDITOR))
 *     .totpCode("246810")
 *     .build());
 * }</pre>
 *
 * <p>{@link #toString()} never shows the password, TOTP code or recovery codes.
 */
public final class DashboardUser {

    /** The user's instance role (reference §2.5). */
    public enum InstanceRole {
        /** Sees and manages every site. */
        OWNER,
        /** Sees every site ({@code site.view}); manages only sites it is granted. */
        ADMIN,
        /** Sees only the sites it is granted. */
        USER;

        /** {@code owner}, {@code admin} or {@code user}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final String email;
    private final String password;
    private final String givenName;
    private final String lastName;
    private final InstanceRole instanceRole;
    private final List<Grant> grants;
    private final @Nullable String totpCode;
    private final List<String> recoveryCodes;

    private DashboardUser(Builder b) {
        this.id = b.id != null ? b.id : UUID.nameUUIDFromBytes(("hitkeep-user:" + b.email).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        this.email = b.email;
        this.password = b.password;
        this.givenName = b.givenName;
        this.lastName = b.lastName;
        this.instanceRole = b.instanceRole;
        this.grants = Collections.unmodifiableList(new ArrayList<>(b.grants));
        this.totpCode = b.totpCode;
        this.recoveryCodes = Collections.unmodifiableList(new ArrayList<>(b.recoveryCodes));
    }

    /**
     * Starts a user with the credentials it signs in with.
     *
     * @throws IllegalArgumentException if the e-mail is not an address or the password is empty
     */
    public static Builder builder(String email, String password) {
        return new Builder(email, password);
    }

    /** The user id (a UUID derived from the e-mail unless set). */
    public String id() {
        return id;
    }

    /** The sign-in e-mail, lower-cased. */
    public String email() {
        return email;
    }

    /** The given name shown in the profile. */
    public String givenName() {
        return givenName;
    }

    /** The last name shown in the profile. */
    public String lastName() {
        return lastName;
    }

    /** The instance role. */
    public InstanceRole instanceRole() {
        return instanceRole;
    }

    /** Site grants (site memberships). */
    public List<Grant> grants() {
        return grants;
    }

    /** Whether signing in needs a second factor. */
    public boolean hasMfa() {
        return totpCode != null || !recoveryCodes.isEmpty();
    }

    boolean passwordMatches(String candidate) {
        return password.equals(candidate);
    }

    @Nullable
    String totpCode() {
        return totpCode;
    }

    /** A TOTP code as the fake accepts one: 6 digits. */
    static String checkTotpCode(@Nullable String code) {
        if (code == null || !code.matches("\\d{6}")) {
            throw new IllegalArgumentException("totpCode must be 6 digits");
        }
        return code;
    }

    List<String> recoveryCodes() {
        return recoveryCodes;
    }

    @Override
    public String toString() {
        return "DashboardUser{" + email + ", " + instanceRole.wireName() + ", grants=" + grants
                + (hasMfa() ? ", mfa" : "") + "}";
    }

    /** Builds a {@link DashboardUser}. */
    public static final class Builder {
        private @Nullable String id;
        private final String email;
        private final String password;
        private String givenName = "";
        private String lastName = "";
        private InstanceRole instanceRole = InstanceRole.USER;
        private final List<Grant> grants = new ArrayList<>();
        private @Nullable String totpCode;
        private final List<String> recoveryCodes = new ArrayList<>();

        private Builder(String email, String password) {
            if (email == null || !email.contains("@") || email.trim().length() < 3) {
                throw new IllegalArgumentException("email must be an e-mail address, got: " + email);
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
            this.email = email.trim().toLowerCase(Locale.ROOT);
            this.password = password;
        }

        /** Sets the user id (a UUID); by default it is derived from the e-mail. */
        public Builder id(String id) {
            try {
                this.id = UUID.fromString(id).toString();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("id must be a UUID, got: " + id);
            }
            return this;
        }

        /** Sets the names shown in {@code GET /api/user/profile}. */
        public Builder name(String givenName, String lastName) {
            this.givenName = givenName == null ? "" : givenName;
            this.lastName = lastName == null ? "" : lastName;
            return this;
        }

        /** Sets the instance role; default {@link InstanceRole#USER}. */
        public Builder instanceRole(InstanceRole role) {
            if (role == null) {
                throw new IllegalArgumentException("instanceRole must not be null");
            }
            this.instanceRole = role;
            return this;
        }

        /** Adds site grants (memberships). */
        public Builder grants(Grant... grants) {
            for (Grant g : grants) {
                if (g == null) {
                    throw new IllegalArgumentException("grants must not contain null");
                }
                this.grants.add(g);
            }
            return this;
        }

        /**
         * Turns on TOTP: login then answers {@code mfa_required}, and this code is the one valid TOTP code.
         *
         * @throws IllegalArgumentException unless the code is 6 digits
         */
        public Builder totpCode(String code) {
            this.totpCode = checkTotpCode(code);
            return this;
        }

        /** Adds single-use recovery codes; having any also makes login answer {@code mfa_required}. */
        public Builder recoveryCodes(String... codes) {
            for (String c : codes) {
                if (c == null || c.trim().isEmpty()) {
                    throw new IllegalArgumentException("recoveryCodes must not contain blank codes");
                }
            }
            recoveryCodes.addAll(Arrays.asList(codes));
            return this;
        }

        /** Builds the user. */
        public DashboardUser build() {
            return new DashboardUser(this);
        }
    }
}
