/** Internals of tally-altertable: not API, may change in any release. */
package io.tally.altertable.internal;
