package io.tally.core.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.ApiException;
import io.tally.core.json.TallyJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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
    private final Map<String, Function<ErrorContext, ? extends ApiException>> exceptionsByCode;

    private ProviderInfo(Builder b) {
        this.name = b.name;
        this.userAgentToken = b.userAgentToken;
        this.errorDecoder = b.errorDecoder;
        this.envelope = b.envelope;
        this.mapper = b.mapper;
        this.requestIdHeaders = Collections.unmodifiableList(new ArrayList<>(b.requestIdHeaders));
        this.exceptionsByCode = Collections.unmodifiableMap(new LinkedHashMap<>(b.exceptionsByCode));
    }

    /** @param name the provider's display name, used in messages, e.g. {@code "HitKeep"} */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The display name used in messages and logs, e.g. {@code HitKeep}. */
    public String name() {
        return name;
    }

    /**
     * The provider's token in the {@code User-Agent}, e.g. {@code hitkeep} in
     * {@code tally-java/0.1.0 (hitkeep)}; the lower-cased name unless set.
     */
    public String userAgentToken() {
        return userAgentToken;
    }

    /** Reads this provider's error bodies; {@link ErrorDecoder#standard()} unless set. */
    public ErrorDecoder errorDecoder() {
        return errorDecoder;
    }

    /** How this provider wraps successful JSON bodies; {@link ResponseEnvelope#BARE} unless set. */
    public ResponseEnvelope envelope() {
        return envelope;
    }

    /** The mapper for request and response bodies; {@link TallyJson#mapper()} unless set. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Response headers that may carry a request id, lower-cased, in order of preference. */
    public List<String> requestIdHeaders() {
        return requestIdHeaders;
    }

    /**
     * The exception for a failure: the one registered for its business code
     * ({@link Builder#exceptionForCode}) when there is one, else the one for its status
     * ({@link ApiExceptions#forStatus}).
     */
    public ApiException exceptionFor(ErrorContext context) {
        String code = context.details().errorCode();
        Function<ErrorContext, ? extends ApiException> factory = code == null ? null : exceptionsByCode.get(code);
        return factory != null ? factory.apply(context) : ApiExceptions.forStatus(context);
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
        private final Map<String, Function<ErrorContext, ? extends ApiException>> exceptionsByCode = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            this.userAgentToken = name.toLowerCase(Locale.ROOT);
        }

        /**
         * The token naming the provider in the {@code User-Agent}; defaults to the lower-cased
         * name.
         */
        public Builder userAgentToken(String token) {
            this.userAgentToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /** Reads this provider's error bodies; defaults to {@link ErrorDecoder#standard()}. */
        public Builder errorDecoder(ErrorDecoder decoder) {
            this.errorDecoder = Objects.requireNonNull(decoder, "decoder");
            return this;
        }

        /** How successful JSON bodies are wrapped; defaults to {@link ResponseEnvelope#BARE}. */
        public Builder envelope(ResponseEnvelope envelope) {
            this.envelope = Objects.requireNonNull(envelope, "envelope");
            return this;
        }

        /**
         * The mapper for request and response bodies, e.g. {@link TallyJson#snakeCaseMapper()} for
         * a snake_case API; defaults to {@link TallyJson#mapper()}.
         */
        public Builder mapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * The response headers that may carry a request id, case-insensitive, first match wins;
         * replaces the default {@code X-Request-Id}, {@code Request-Id}. None means request ids are
         * not read.
         */
        public Builder requestIdHeaders(String... headers) {
            List<String> list = new ArrayList<>();
            for (String h : headers) {
                list.add(h.toLowerCase(Locale.ROOT));
            }
            this.requestIdHeaders = list;
            return this;
        }

        /**
         * The exception for failures whose decoded {@link ErrorDetails#errorCode()} is {@code code},
         * whatever their status: for business codes such as Alephant's {@code 40020} ("more than one
         * usage scope"), so that callers can catch that case by type. The factory gets the failure's
         * context and should return a subclass of the status's usual exception.
         */
        public Builder exceptionForCode(String code, Function<ErrorContext, ? extends ApiException> factory) {
            exceptionsByCode.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** Returns the provider description. */
        public ProviderInfo build() {
            return new ProviderInfo(this);
        }
    }
}
