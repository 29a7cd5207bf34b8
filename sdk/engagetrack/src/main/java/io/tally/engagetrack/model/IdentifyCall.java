package io.tally.engagetrack.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A call of {@code POST /identify}: links the anonymous visitor {@code visitorUid} to your user
 * {@code userId} (which becomes the visitor's {@code external_id}). Carries personal data (name, e-mail).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class IdentifyCall {
    private final String siteId;
    private final String visitorUid;
    private final String userId;
    private final @Nullable String name;
    private final @Nullable String email;
    private final @Nullable String avatar;
    private final @Nullable Map<String, Object> custom;

    private IdentifyCall(Builder b) {
        this.siteId = b.siteId;
        this.visitorUid = b.visitorUid;
        this.userId = b.userId;
        this.name = b.name;
        this.email = b.email;
        this.avatar = b.avatar;
        this.custom = b.custom.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.custom));
    }

    /**
     * A builder; all three are required.
     *
     * @throws IllegalArgumentException when one is blank or the site id is not a public id
     */
    public static Builder builder(String siteId, String visitorUid, String userId) {
        return new Builder(siteId, visitorUid, userId);
    }

    /** The site's public id. */
    public String siteId() {
        return siteId;
    }

    /** The visitor UID from the tracker. */
    public String visitorUid() {
        return visitorUid;
    }

    /** Your application's user id. */
    public String userId() {
        return userId;
    }

    @Override
    public String toString() {
        // no name or e-mail: personal data stays out of logs
        return "IdentifyCall[visitor " + visitorUid + " -> user " + userId + "]";
    }

    static String checkSiteId(String siteId) {
        if (siteId == null || siteId.trim().isEmpty()) {
            throw new IllegalArgumentException("siteId must be the site's public id (pk_live_…), got " + siteId);
        }
        if (!siteId.startsWith("pk_")) {
            throw new IllegalArgumentException(
                    "siteId must be the site's public id, which starts with pk_ (e.g. pk_live_…), "
                            + "not the site id used in paths; got '" + siteId + "'");
        }
        return siteId;
    }

    private static String required(String value, String field) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(field + " must not be null or blank");
        }
        return value;
    }

    /** Builder for {@link IdentifyCall}. */
    public static final class Builder {
        private final String siteId;
        private final String visitorUid;
        private final String userId;
        private @Nullable String name;
        private @Nullable String email;
        private @Nullable String avatar;
        private final Map<String, Object> custom = new LinkedHashMap<>();

        private Builder(String siteId, String visitorUid, String userId) {
            this.siteId = checkSiteId(siteId);
            this.visitorUid = required(visitorUid, "visitorUid");
            this.userId = required(userId, "userId");
        }

        /** The display name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The e-mail address. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The avatar URL. */
        public Builder avatar(String avatarUrl) {
            this.avatar = avatarUrl;
            return this;
        }

        /**
         * A custom attribute.
         *
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder custom(String name, Object value) {
            custom.put(required(name, "custom attribute name"), value);
            return this;
        }

        /** The call. */
        public IdentifyCall build() {
            return new IdentifyCall(this);
        }
    }
}
