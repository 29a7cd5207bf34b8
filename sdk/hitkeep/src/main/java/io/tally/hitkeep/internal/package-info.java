/** Internals of tally-hitkeep (error decoding, input checks): not API, may change in any release. */
@NullMarked
package io.tally.hitkeep.internal;

import org.jspecify.annotations.NullMarked;
