/**
 * The JSON setup every Tally client shares ({@link io.tally.core.json.TallyJson}): Jackson mappers
 * that are lenient on unknown fields, read and write {@code java.time} values as RFC 3339, and
 * never turn a missing list into {@code null}. Test fakes and applications may reuse them.
 */
@NullMarked
package io.tally.core.json;

import org.jspecify.annotations.NullMarked;
