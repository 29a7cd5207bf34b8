/**
 * The base every fake provider server in the testkit runs on: {@link io.tally.testkit.server.FakeServer} (a loopback
 * HTTP server with a bounded {@link io.tally.testkit.server.RequestLog request log} and
 * {@link io.tally.testkit.server.Fault fault injection}), {@link io.tally.testkit.server.PathRoutes a route table},
 * and {@link io.tally.testkit.server.FakeServerExtension the JUnit 5 lifecycle} the fakes' extensions share.
 */
@NullMarked
package io.tally.testkit.server;

import org.jspecify.annotations.NullMarked;
