package io.tally.hitkeep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Parses a {@code text/event-stream} body as the HTML standard's EventSource does: {@code event:},
 * {@code data:} (joined with newlines), {@code id:} (kept across events), {@code retry:} (digits only),
 * comments, and a blank line to dispatch. An event left unterminated at the end of the stream is dropped.
 */
final class SseParser {
    /** Receives what the stream carries, on the reading thread. */
    interface Sink {
        void event(String lastEventId, String type, String data) throws IOException;

        void retry(long millis);

        void comment(String text);

        /** The last event id changed (dispatched with or without data); {@code null} when the stream reset it. */
        void lastEventId(String id);
    }

    private SseParser() {}

    /** Reads until the stream ends. */
    static void parse(InputStream in, Sink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String type = null;
        StringBuilder data = new StringBuilder();
        boolean hasData = false;
        String idBuffer = null;
        String dispatchedId = null;
        boolean first = true;
        String line;
        while ((line = reader.readLine()) != null) {
            if (first) {
                first = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                // an empty id ("id" or "id:" alone) resets the last event id: reported as null, never sent back
                String id = idBuffer == null || idBuffer.isEmpty() ? null : idBuffer;
                if (idBuffer != null && !idBuffer.equals(dispatchedId)) {
                    dispatchedId = idBuffer;
                    sink.lastEventId(id);
                }
                if (hasData) {
                    String payload = data.charAt(data.length() - 1) == '\n' ? data.substring(0, data.length() - 1) : data.toString();
                    sink.event(id, type == null || type.isEmpty() ? "message" : type, payload);
                }
                type = null;
                data.setLength(0);
                hasData = false;
                continue;
            }
            if (line.charAt(0) == ':') {
                sink.comment(line.substring(1).trim());
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event":
                    type = value;
                    break;
                case "data":
                    data.append(value).append('\n');
                    hasData = true;
                    break;
                case "id":
                    if (value.indexOf('\0') < 0) {
                        idBuffer = value;
                    }
                    break;
                case "retry":
                    if (!value.isEmpty() && isDigits(value) && value.length() < 12) {
                        sink.retry(Long.parseLong(value));
                    }
                    break;
                default:
                    break; // unknown fields are ignored, as the standard says
            }
        }
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
