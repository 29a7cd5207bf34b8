package io.tally.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.MfaChallenge;
import io.tally.hitkeep.model.MfaFactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A password login ({@code POST /api/login}): returns a {@link LoginResult} that is either a session client
 * or a second-factor challenge. Sends no API token. HitKeep limits login routes to 2 requests a second per
 * IP (burst 5) and answers 401 {@code Invalid email or password} to wrong credentials.
 */
public final class LoginRequest extends HitKeepRequest<LoginResult, LoginRequest> {
    private final Map<String, Object> body = new LinkedHashMap<>();

    LoginRequest(HitKeep client, String email, String password) {
        super(client, "POST", "/api/login", RouteAuth.PUBLIC, new Object[0], reader(client));
        body.put("email", Inputs.email(email));
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be null or empty");
        }
        body.put("password", password);
        jsonBody(body);
    }

    /**
     * Whether HitKeep should also set the long-lived {@code hk_remember_me} cookie (30 days by default), which
     * renews the 15-minute session; kept through a second-factor step.
     */
    public LoginRequest rememberMe(boolean rememberMe) {
        body.put("remember_me", rememberMe);
        return jsonBody(body);
    }

    /** Reads a login answer: {@code {"status":"ok"}} with cookies, or {@code {"status":"mfa_required",…}}. */
    static ResponseReader<LoginResult> reader(HitKeep client) {
        return response -> {
            JsonNode root = response.json();
            if (root != null && "mfa_required".equals(root.path("status").asText())) {
                List<MfaFactor> factors = new ArrayList<>();
                for (JsonNode f : root.path("factors")) {
                    factors.add(MfaFactor.of(f.asText()));
                }
                JsonNode passkey = root.get("passkey");
                return LoginResult.mfaRequired(new MfaChallenge(root.path("challenge_token").asText(), factors,
                        passkey == null || passkey.isNull() ? null : passkey));
            }
            return Auth.loggedIn(client, response);
        };
    }
}
