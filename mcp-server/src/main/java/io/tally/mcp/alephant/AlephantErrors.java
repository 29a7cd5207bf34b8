package io.tally.mcp.alephant;

import io.tally.alephant.Alephant;
import io.tally.core.ApiException;
import io.tally.core.AuthenticationException;
import io.tally.core.BadRequestException;
import io.tally.core.NotFoundException;
import io.tally.core.PermissionDeniedException;
import io.tally.core.RateLimitException;
import io.tally.core.ServerException;
import io.tally.mcp.tool.Arguments;
import io.tally.mcp.tool.StandardErrorTranslator;

/** Alephant failures in the official server's words ({@code Authentication failed. ...}, {@code Rate limit exceeded. Retry after n seconds.}). */
final class AlephantErrors extends StandardErrorTranslator {
    AlephantErrors(String baseUrl) {
        super("Alephant", baseUrl, "--alephant-url");
    }

    @Override
    protected String unauthorized(String tool, AuthenticationException error, Arguments args) {
        return "Authentication failed. Check your virtual key (VK mode), or your PAT and X-Workspace-Id (manager mode)"
                + error.serverMessage().map(m -> " (" + m + ")").orElse("") + ".";
    }

    @Override
    protected String forbidden(String tool, PermissionDeniedException error, Arguments args) {
        return "Permission denied. " + error.missingScope().map(s -> "This needs a PAT with scope '" + s + "'. ")
                .orElse("The credential's scope is too low for " + tool + ". ") + serverText(error, "");
    }

    @Override
    protected String notFound(String tool, NotFoundException error, Arguments args) {
        return "Not found: " + serverText(error, "the resource") + ". Check the ids (list_agents, list_members, "
                + "list_departments and list_virtual_keys name the valid ones).";
    }

    @Override
    protected String rateLimited(String tool, RateLimitException error, Arguments args) {
        return "Rate limit exceeded. Retry after " + Math.max(1, Alephant.retryDelay(error).toSeconds()) + " seconds.";
    }

    @Override
    protected String badRequest(String tool, BadRequestException error, Arguments args) {
        return "Bad request: " + error.serverMessage().orElse(error.body())
                + error.errorCode().map(c -> " (Alephant code " + c + ")").orElse("");
    }

    @Override
    protected String serverError(String tool, ServerException error, Arguments args) {
        switch (error.statusCode()) {
            case 502:
                return "Bad gateway. The Alephant backend is unavailable; retry later.";
            case 504:
                return "Gateway timeout. Alephant did not answer in time; retry later or ask for a shorter period.";
            default:
                return "Internal server error. Alephant failed with " + error.statusCode() + " ("
                        + serverText(error, "server error") + "); retry later.";
        }
    }

    @Override
    protected String otherStatus(String tool, ApiException error, Arguments args) {
        return "Alephant answered " + error.statusCode() + ": " + error.serverMessage().orElse(error.body());
    }
}
