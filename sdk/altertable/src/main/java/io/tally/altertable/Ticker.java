package io.tally.altertable;

/**
 * Time as the sender thread sees it: the delivery pipeline's {@link io.tally.core.delivery.Ticker}. Tests
 * substitute a manual ticker so that interval flushes happen when the test advances time, never by sleeping.
 */
interface Ticker extends io.tally.core.delivery.Ticker {}
