/**
 * For provider authors: the delivery pieces a provider's fire-and-forget sender builds on.
 * {@link io.tally.core.delivery.DurableLog} is a crash-safe, byte-bounded queue of payloads on disk (numbered
 * records with a type code, a cursor, damage detection that counts what was lost), used by Altertable's
 * durable queue. These types are public and documented but change more freely than {@link io.tally.core}.
 */
@NullMarked
package io.tally.core.delivery;

import org.jspecify.annotations.NullMarked;
