/**
 * A fake Altertable ingestion server for tests: {@link io.tally.testkit.altertable.FakeAltertable}
 * behaves like the reference mock, records what it accepts and plays faults on demand;
 * {@link io.tally.testkit.altertable.FakeAltertableExtension} runs one for JUnit 5.
 */
@NullMarked
package io.tally.testkit.altertable;

import org.jspecify.annotations.NullMarked;
