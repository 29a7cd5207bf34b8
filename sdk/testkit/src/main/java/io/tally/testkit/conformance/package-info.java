/**
 * The provider conformance suite: {@link io.tally.testkit.conformance.AbstractProviderConformanceTest}, which each
 * provider's tests extend with hooks ({@link io.tally.testkit.conformance.ClientSetup} in,
 * {@link io.tally.testkit.conformance.ClientUnderTest} out) to check status mapping, retry rules, redaction and
 * error envelopes against the provider's own fake.
 */
@NullMarked
package io.tally.testkit.conformance;

import org.jspecify.annotations.NullMarked;
