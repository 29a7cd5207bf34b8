/** Implementation details of tally-engagetrack; not an API. */
@NullMarked
package io.tally.engagetrack.internal;

import org.jspecify.annotations.NullMarked;
