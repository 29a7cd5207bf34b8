package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.hitkeep.model.AiResourceType;
import java.util.Objects;

/**
 * A site's AI-crawler fetches as a file ({@code GET /api/sites/{id}/ai-fetch/export}), with the filters of
 * {@link AiFetchRequest}. See {@link FileRequest} for streaming it into a file. Team API clients get 401 here
 * (HitKeep reference §2.6).
 */
public final class AiFetchExportRequest extends FileRequest<AiFetchExportRequest>
        implements
            WindowedRequest<AiFetchExportRequest> {
    AiFetchExportRequest(HitKeep client, String siteId) {
        super(client, "/api/sites/{id}/ai-fetch/export", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {Inputs.id("siteId", siteId)},
                new DownloadTarget());
    }

    /** The file format ({@code format}). */
    public AiFetchExportRequest format(ExportFormat format) {
        return query("format", Objects.requireNonNull(format, "format").value());
    }

    /** Only fetches by this assistant ({@code assistant_name}). */
    public AiFetchExportRequest assistantName(String name) {
        return query("assistant_name", name);
    }

    /** Only fetches by this assistant family ({@code assistant_family}). */
    public AiFetchExportRequest assistantFamily(String family) {
        return query("assistant_family", family);
    }

    /** Only fetches of this resource type ({@code resource_type}). */
    public AiFetchExportRequest resourceType(AiResourceType type) {
        return query("resource_type", Objects.requireNonNull(type, "type").value());
    }

    /** Only fetches of this path ({@code path}). */
    public AiFetchExportRequest path(String path) {
        return query("path", path);
    }
}
