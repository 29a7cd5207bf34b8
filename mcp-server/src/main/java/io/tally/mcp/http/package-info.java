/**
 * The HTTP side of the server: the guard in front of the MCP endpoint (Origin and Host checks
 * against DNS rebinding, body size limit, per-token rate limit, {@code WWW-Authenticate} on a
 * missing token) and the binding of stateful sessions to the token that opened them.
 */
@NullMarked
package io.tally.mcp.http;

import org.jspecify.annotations.NullMarked;
