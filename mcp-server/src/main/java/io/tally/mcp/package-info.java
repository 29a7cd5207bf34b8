/**
 * The Tally MCP server: {@code Main} and the command line, the server's assembly
 * ({@link io.tally.mcp.TallyMcpServer}) and the demo backends. It serves each configured provider's
 * tools, prompts and resources over Streamable HTTP or stdio, calling the provider's Tally client
 * with the caller's own credentials. Run it with {@code java -jar tally-mcp-server.jar --help}; it is
 * an application, and these classes change with it.
 */
@NullMarked
package io.tally.mcp;

import org.jspecify.annotations.NullMarked;
