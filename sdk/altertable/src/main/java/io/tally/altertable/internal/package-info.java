/** Internals of tally-altertable: not API, may change in any release. */
@NullMarked
package io.tally.altertable.internal;

import org.jspecify.annotations.NullMarked;
