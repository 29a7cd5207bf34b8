package io.tally.hitkeep;

import io.tally.core.spi.WindowedRequest;
import io.tally.hitkeep.model.ChatbotScope;
import java.util.Objects;

/**
 * Visits referred by AI chatbots as a file ({@code GET /api/sites/{id}/ai-chatbots/export}), optionally scoped to
 * one provider, bot, surface or model and filtered by the sessions' attributes. See {@link FileRequest} for
 * streaming it into a file. Team API clients get 401 here (HitKeep reference §2.6).
 */
public final class ChatbotExportRequest extends FileRequest<ChatbotExportRequest>
        implements
            WindowedRequest<ChatbotExportRequest> {
    ChatbotExportRequest(HitKeep client, String siteId) {
        super(client, "/api/sites/{id}/ai-chatbots/export", RouteAuth.TOKEN_OR_SESSION,
                new Object[] {Inputs.id("siteId", siteId)},
                new DownloadTarget());
    }

    /** The file format ({@code format}). */
    public ChatbotExportRequest format(ExportFormat format) {
        return query("format", Objects.requireNonNull(format, "format").value());
    }

    /** Adds a filter; several are AND-combined. */
    public ChatbotExportRequest filter(Filter filter) {
        return addQuery("filter", Objects.requireNonNull(filter, "filter"));
    }

    /** Only visits where {@code scope} equals {@code value} ({@code scope_key}, {@code scope_value}), e.g. one model. */
    public ChatbotExportRequest scope(ChatbotScope scope, String value) {
        query("scope_key", Objects.requireNonNull(scope, "scope").value());
        return query("scope_value", Inputs.text("scope value", value));
    }
}
