/**
 * Alke Analytics over MCP: {@code alke_run_report} (the one documented route, {@code POST /api/reports}, as a
 * generic report tool) and {@code alke_list_properties} (the properties the operator allows, from
 * {@code ALKE_PROPERTIES}, or the demo fake's two with {@code --demo}).
 */
@NullMarked
package io.tally.mcp.alke;

import org.jspecify.annotations.NullMarked;
