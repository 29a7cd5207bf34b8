/**
 * {@link io.tally.testkit.alke.FakeAlke}: an in-process stand-in for Alke Analytics' {@code POST /api/reports},
 * with the demo properties, tokens and data of {@link io.tally.testkit.alke.AlkeDemo}, and its JUnit 5 extension.
 * Alke does not document its response or error bodies, so the fake's are one plausible choice, not Alke's.
 */
@NullMarked
package io.tally.testkit.alke;

import org.jspecify.annotations.NullMarked;
