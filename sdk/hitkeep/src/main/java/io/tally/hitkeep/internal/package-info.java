/** Internals of tally-hitkeep (error decoding, input checks): not API, may change in any release. */
package io.tally.hitkeep.internal;
