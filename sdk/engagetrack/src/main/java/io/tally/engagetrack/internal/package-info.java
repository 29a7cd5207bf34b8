/** Implementation details of tally-engagetrack; not an API. */
package io.tally.engagetrack.internal;
