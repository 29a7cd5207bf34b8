package io.tally.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import io.tally.core.TallyException;
import io.tally.hitkeep.model.CloudPlan;
import io.tally.hitkeep.model.CloudPlanCode;
import io.tally.hitkeep.model.CloudSignup;
import io.tally.hitkeep.model.CloudSignupResult;
import io.tally.hitkeep.model.Redirect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * HitKeep Cloud only (billing build): plans, sign-up and its e-mail verification, and the Stripe billing
 * pages. A self-hosted instance does not register these routes, or answers 404 {@code Not found}.
 * The Stripe webhook is for Stripe alone and is not wrapped.
 */
public final class Cloud {
    private final HitKeep client;

    Cloud(HitKeep client) {
        this.client = client;
    }

    /**
     * HitKeep Cloud only (billing build). The plans on offer with their limits ({@code GET /api/cloud/plans};
     * public; not in HitKeep's OpenAPI document, shape taken from the server code).
     */
    public HitKeepCall<List<CloudPlan>> plans() {
        return new HitKeepCall<>(client, "GET", "/api/cloud/plans", RouteAuth.PUBLIC, new Object[0],
                client.context().listOf(CloudPlan.class));
    }

    /**
     * HitKeep Cloud only (billing build). Creates an account, its team and plan ({@code POST /api/cloud/signup};
     * public, 201). A free plan answers {@code verification_sent} and e-mails a link; a paid plan may answer a
     * Stripe Checkout URL.
     */
    public HitKeepCall<CloudSignupResult> signup(CloudSignup signup) {
        Objects.requireNonNull(signup, "signup");
        return new HitKeepCall<>(client, "POST", "/api/cloud/signup", RouteAuth.PUBLIC, new Object[0],
                client.context().json(CloudSignupResult.class)).body(signup);
    }

    /**
     * HitKeep Cloud only (billing build). Follows the e-mailed verification link's token
     * ({@code GET /api/cloud/signup/verify?token=…}; public; not in HitKeep's OpenAPI document). HitKeep creates
     * the account, starts a session and redirects to the dashboard, or redirects to {@code /signup?error=expired}.
     */
    public HitKeepCall<CloudSignupVerification> verifySignup(String verificationToken) {
        if (verificationToken == null || verificationToken.trim().isEmpty()) {
            throw new IllegalArgumentException("verificationToken must not be null or blank");
        }
        return new HitKeepCall<>(client, "GET", "/api/cloud/signup/verify", RouteAuth.PUBLIC, new Object[0],
                new VerificationReader()).param("token", verificationToken.trim());
    }

    /**
     * HitKeep Cloud only (billing build). A Stripe Checkout page to upgrade the active team to a paid plan
     * ({@code POST /api/cloud/billing/checkout}; session only). 409 when the team already pays (use
     * {@link #billingPortal}).
     *
     * @param locale the page language, e.g. {@code de}, or {@code null}
     */
    public HitKeepCall<String> billingCheckout(CloudPlanCode plan, @Nullable String locale) {
        Objects.requireNonNull(plan, "plan");
        if (plan.equals(CloudPlanCode.FREE)) {
            throw new IllegalArgumentException("plan must be a paid plan (pro or business) for checkout, got free");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("plan_code", plan.value());
        if (locale != null) {
            body.put("locale", locale);
        }
        return billing("/api/cloud/billing/checkout").body(body);
    }

    /**
     * HitKeep Cloud only (billing build). A Stripe Customer Portal page for the active team's subscription
     * ({@code POST /api/cloud/billing/portal}; session only).
     *
     * @param locale the page language, e.g. {@code de}, or {@code null}
     */
    public HitKeepCall<String> billingPortal(@Nullable String locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (locale != null) {
            body.put("locale", locale);
        }
        return billing("/api/cloud/billing/portal").body(body);
    }

    private HitKeepCall<String> billing(String route) {
        return new HitKeepCall<>(client, "POST", route, RouteAuth.SESSION_ONLY, new Object[0], response -> {
            JsonNode root = response.json();
            String url = root == null ? null : root.path("url").asText(null);
            if (url == null || url.isEmpty()) {
                throw new TallyException("HitKeep's answer to POST " + route + " has no url");
            }
            return url;
        });
    }

    /** Reads the verification redirect and the session cookies it sets. */
    private static final class VerificationReader implements ResponseReader<CloudSignupVerification> {
        @Override
        public CloudSignupVerification read(ResponseHandle response) {
            Redirect redirect = RedirectReader.INSTANCE.read(response);
            String token = null;
            String rememberMe = null;
            for (String cookie : response.secretHeaderValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (name.equals(HitKeepSession.TOKEN_COOKIE) && !value.isEmpty()) {
                    token = value;
                } else if (name.equals(HitKeepSession.REMEMBER_ME_COOKIE) && !value.isEmpty()) {
                    rememberMe = value;
                }
            }
            return new CloudSignupVerification(redirect, token == null ? null : HitKeepSession.of(token, rememberMe));
        }

        @Override
        public boolean acceptsRedirect() {
            return true;
        }
    }
}
