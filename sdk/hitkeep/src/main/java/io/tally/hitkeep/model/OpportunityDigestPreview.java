package io.tally.hitkeep.model;

import java.util.List;

/**
 * What the opportunity digest e-mail would contain now.
 *
 * @param frequency  {@code daily} or {@code weekly}
 * @param shouldSend whether a digest would be sent
 * @param reason     {@code ready}, {@code no_opportunities} or {@code unsupported_frequency}
 * @param items      the opportunities it would list
 */
public record OpportunityDigestPreview(String frequency, boolean shouldSend, String reason,
        List<OpportunityDigestItem> items) {
    /** Copies {@code items} into an unmodifiable list; {@code null} becomes empty. */
    public OpportunityDigestPreview {
        items = Immutable.list(items);
    }
}
