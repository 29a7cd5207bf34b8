/**
 * A client for the Alke Analytics reporting API ({@code POST /api/reports}), loosely typed on purpose.
 *
 * <p>What Alke publishes is one request example and the token model; the response body, the catalogue of
 * metrics and dimensions, filters, error bodies and rate limits are <b>not documented</b>. So requests are open
 * builders ({@link io.tally.alke.AlkeReportRequest}: free metric and dimension names, any other top-level field
 * passed through), and answers are kept whole as JSON ({@link io.tally.alke.AlkeReport#raw()}) with best-effort
 * typed rows that come back empty, never failing, when the shape is not one this module recognises.
 *
 * <p>Start with {@link io.tally.alke.Alke#builder()}.
 */
@NullMarked
package io.tally.alke;

import org.jspecify.annotations.NullMarked;
