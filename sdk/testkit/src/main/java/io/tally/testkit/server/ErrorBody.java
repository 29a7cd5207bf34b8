package io.tally.testkit.server;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The body of an error answer, in a provider's format: a content type and the text. A {@link FakeServer} uses one
 * per status for the {@link Fault faults} it plays, and a provider's conformance test says with one how its
 * provider writes errors.
 */
public final class ErrorBody {
    private static final ErrorBody EMPTY = new ErrorBody(null, "");

    private final @Nullable String contentType;
    private final String text;

    private ErrorBody(@Nullable String contentType, String text) {
        this.contentType = contentType;
        this.text = text;
    }

    /**
     * A body of this content type.
     *
     * @throws IllegalArgumentException if the content type is blank or the text is {@code null}
     */
    public static ErrorBody of(String contentType, String text) {
        if (contentType == null || contentType.trim().isEmpty()) {
            throw new IllegalArgumentException("contentType must be a media type such as application/json");
        }
        if (text == null) {
            throw new IllegalArgumentException("text must not be null; use ErrorBody.empty() for no body");
        }
        return new ErrorBody(contentType, text);
    }

    /** A {@code application/json} body. */
    public static ErrorBody json(String json) {
        return of("application/json", json);
    }

    /** A {@code text/plain; charset=utf-8} body, the way Go's {@code http.Error} writes one. */
    public static ErrorBody text(String text) {
        return of("text/plain; charset=utf-8", text);
    }

    /** No body and no {@code Content-Type}. */
    public static ErrorBody empty() {
        return EMPTY;
    }

    /** The content type, or {@code null} for {@link #empty()}. */
    public @Nullable String contentType() {
        return contentType;
    }

    /** The body text (empty for {@link #empty()}). */
    public String text() {
        return text;
    }

    /** The body as UTF-8 bytes. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorBody && Objects.equals(contentType, ((ErrorBody) o).contentType)
                && text.equals(((ErrorBody) o).text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, text);
    }

    @Override
    public String toString() {
        return "ErrorBody[" + (contentType == null ? "empty" : contentType + ", " + text.length() + " chars") + "]";
    }
}
