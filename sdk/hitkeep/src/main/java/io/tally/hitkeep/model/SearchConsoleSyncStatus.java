package io.tally.hitkeep.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The state of the Search Console import for a site.
 *
 * @param state             {@code pending}, {@code running}, {@code succeeded}, {@code failed} or {@code needs_attention}
 * @param importedStartDate first day of imported data, or {@code null}
 * @param importedEndDate   last day of imported data, or {@code null}
 * @param lastErrorCategory why the last attempt failed, or {@code null}
 * @param manual            whether the current or last sync was requested by hand
 */
public record SearchConsoleSyncStatus(String state, LocalDate importedStartDate, LocalDate importedEndDate,
        Instant lastSuccessAt, Instant lastAttemptAt, String lastErrorCategory,
        Instant nextRetryAt, boolean manual) {}
