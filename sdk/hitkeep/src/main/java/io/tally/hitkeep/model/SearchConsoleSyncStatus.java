package io.tally.hitkeep.model;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The state of the Search Console import for a site.
 *
 * @param state             {@code pending}, {@code running}, {@code succeeded}, {@code failed} or {@code needs_attention}
 * @param importedStartDate first day of imported data, or {@code null}
 * @param importedEndDate   last day of imported data, or {@code null}
 * @param lastErrorCategory why the last attempt failed, or {@code null}
 * @param manual            whether the current or last sync was requested by hand
 */
public record SearchConsoleSyncStatus(String state, @Nullable LocalDate importedStartDate,
        @Nullable LocalDate importedEndDate,
        Instant lastSuccessAt, Instant lastAttemptAt, @Nullable String lastErrorCategory,
        Instant nextRetryAt, boolean manual) {}
