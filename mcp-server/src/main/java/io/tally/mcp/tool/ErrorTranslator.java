package io.tally.mcp.tool;

/**
 * Turns a provider SDK exception into a message an assistant can act on ("this token has no site.view grant on
 * site …; add a site role for the API client").
 */
@FunctionalInterface
public interface ErrorTranslator {
    /**
     * The message for a failed tool call.
     *
     * @param tool  the tool's name
     * @param error what the SDK threw
     * @param args  the call's arguments (to name the site or resource involved)
     */
    String translate(String tool, RuntimeException error, Arguments args);
}
