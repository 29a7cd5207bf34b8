package io.tally.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.json.TallyJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the shared transport needs to know about a provider: its display name, its user-agent
 * token, how it wraps responses and encodes errors, its JSON conventions and where it puts request
 * ids. Each provider module defines one constant.
 */
public final class ProviderInfo {
    private final String name;
    private final String userAgentToken;
    private final ErrorDecoder errorDecoder;
    private final ResponseEnvelope envelope;
    private final ObjectMapper mapper;
    private final List<String> requestIdHeaders;

    private ProviderInfo(Builder b) {
        this.name = b.name;
        this.userAgentToken = b.userAgentToken;
        this.errorDecoder = b.errorDecoder;
        this.envelope = b.envelope;
        this.mapper = b.mapper;
        this.requestIdHeaders = Collections.unmodifiableList(new ArrayList<>(b.requestIdHeaders));
    }

    /** @param name the provider's display name, used in messages, e.g. {@code "HitKeep"} */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String userAgentToken() {
        return userAgentToken;
    }

    public ErrorDecoder errorDecoder() {
        return errorDecoder;
    }

    public ResponseEnvelope envelope() {
        return envelope;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Response headers that may carry a request id, lower-cased, in order of preference. */
    public List<String> requestIdHeaders() {
        return requestIdHeaders;
    }

    @Override
    public String toString() {
        return "ProviderInfo[" + name + "]";
    }

    /** Builder for {@link ProviderInfo}. */
    public static final class Builder {
        private final String name;
        private String userAgentToken;
        private ErrorDecoder errorDecoder = ErrorDecoder.standard();
        private ResponseEnvelope envelope = ResponseEnvelope.BARE;
        private ObjectMapper mapper = TallyJson.mapper();
        private List<String> requestIdHeaders = Arrays.asList("x-request-id", "request-id");

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.userAgentToken = name.toLowerCase(Locale.ROOT);
        }

        public Builder userAgentToken(String token) {
            this.userAgentToken = Objects.requireNonNull(token, "token");
            return this;
        }

        public Builder errorDecoder(ErrorDecoder decoder) {
            this.errorDecoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        public Builder envelope(ResponseEnvelope envelope) {
            this.envelope = Objects.requireNonNull(envelope, "envelope");
            return this;
        }

        public Builder mapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        public Builder requestIdHeaders(String... headers) {
            List<String> list = new ArrayList<>();
            for (String h : headers) {
                list.add(h.toLowerCase(Locale.ROOT));
            }
            this.requestIdHeaders = list;
            return this;
        }

        public ProviderInfo build() {
            return new ProviderInfo(this);
        }
    }
}
