package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.Pat;
import io.tally.alephant.model.PatList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Personal access tokens of the workspace. A user JWT (owner or admin) is the only credential:
 * a PAT client fails before sending. Shapes from the design documents (snake_case), unverified.
 */
public final class Pats extends Resource {
    Pats(Alephant client) {
        super(client);
    }

    /** {@code GET /api/v1/pats}: {@code limit} 1–100, {@code offset}. */
    public LimitRequest<PatList> list() {
        return new LimitRequest<>(client, Host.SAAS, Access.JWT_ONLY, "/api/v1/pats", Readers.payload(PatList::new),
                100, true);
    }

    /**
     * {@code POST /api/v1/pats}: a new token; {@link Pat#token()} holds it, shown once.
     *
     * @param expiresAt when it expires, or {@code null} for never
     */
    public AlephantCall<Pat> create(String name, Set<PatScope> scopes, Instant expiresAt) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must name at least one of read, write, admin");
        }
        List<String> wire = new ArrayList<>();
        for (PatScope s : PatScope.values()) {
            if (scopes.contains(s)) {
                wire.add(s.wire());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scopes", wire);
        if (expiresAt != null) {
            body.put("expires_at", expiresAt.toString());
        }
        return call(Host.SAAS, Access.JWT_ONLY, "POST", "/api/v1/pats", Pat::new).body(body);
    }

    /** {@code GET /api/v1/pats/{id}}. */
    public AlephantCall<Pat> get(String patId) {
        return call(Host.SAAS, Access.JWT_ONLY, "GET", "/api/v1/pats/{id}", Pat::new, id("patId", patId));
    }

    /** {@code PATCH /api/v1/pats/{id}}: renames and/or changes the expiry; at least one must be given. */
    public AlephantCall<Pat> update(String patId, String name, Instant expiresAt) {
        String id = id("patId", patId);
        if (name == null && expiresAt == null) {
            throw new IllegalArgumentException("give a new name or expiresAt (or both)");
        }
        if (name != null && name.trim().isEmpty()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        if (expiresAt != null) {
            body.put("expires_at", expiresAt.toString());
        }
        return call(Host.SAAS, Access.JWT_ONLY, "PATCH", "/api/v1/pats/{id}", Pat::new, id).body(body);
    }

    /** {@code DELETE /api/v1/pats/{id}}: revokes the token. */
    public AlephantCall<Void> delete(String patId) {
        return new AlephantCall<>(client, Host.SAAS, Access.JWT_ONLY, "DELETE", "/api/v1/pats/{id}",
                new Object[] {id("patId", patId)},
                Readers.none());
    }
}
