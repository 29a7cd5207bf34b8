/**
 * EngageTrack's request inputs and response models. Responses whose fields EngageTrack documents (channels,
 * visitors, timelines, funnel analysis) are typed; those it does not (stats, pages, sources, referrers,
 * campaigns, sites, API keys) extend {@link io.tally.engagetrack.model.JsonView}: the known fields typed, the
 * whole answer readable with {@code json()}.
 */
@NullMarked
package io.tally.engagetrack.model;

import org.jspecify.annotations.NullMarked;
