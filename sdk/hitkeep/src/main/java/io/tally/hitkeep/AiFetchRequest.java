package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.core.spi.ResponseReader;
import io.tally.hitkeep.model.AiResourceType;
import java.util.Objects;

/**
 * A read of AI-crawler fetches over a window, optionally narrowed to one assistant, family, resource type or
 * path. Without a window HitKeep uses the 30 days ending now. {@link #windowDays(int)} applies to the
 * correlation report only.
 *
 * @param <T> what the request returns
 */
public final class AiFetchRequest<T> extends HitKeepRequest<T, AiFetchRequest<T>>
        implements
            WindowedRequest<AiFetchRequest<T>> {
    private final boolean correlation;

    AiFetchRequest(HitKeep client, String pathTemplate, String siteId, boolean correlation, ResponseReader<T> reader) {
        super(client, "GET", pathTemplate, RouteAuth.TOKEN_OR_SESSION, new Object[] {Inputs.id("siteId", siteId)},
                reader);
        this.correlation = correlation;
    }

    /** Only fetches by this assistant, e.g. {@code GPTBot} ({@code assistant_name}). */
    public AiFetchRequest<T> assistantName(String name) {
        return query("assistant_name", name);
    }

    /** Only fetches by this assistant family, e.g. {@code OpenAI} ({@code assistant_family}). */
    public AiFetchRequest<T> assistantFamily(String family) {
        return query("assistant_family", family);
    }

    /** Only fetches of this resource type ({@code resource_type}). */
    public AiFetchRequest<T> resourceType(AiResourceType type) {
        return query("resource_type", Objects.requireNonNull(type, "type").value());
    }

    /** Only fetches of this path ({@code path}). */
    public AiFetchRequest<T> path(String path) {
        return query("path", path);
    }

    /**
     * How many days after a fetch a referred visit still counts towards it, 1 to 90 ({@code window_days});
     * correlation report only.
     */
    public AiFetchRequest<T> windowDays(int days) {
        if (!correlation) {
            throw new IllegalArgumentException(
                    "windowDays applies only to the AI fetch correlation report, not to " + pathTemplate());
        }
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("windowDays must be between 1 and 90, got " + days);
        }
        return query("window_days", days);
    }
}
