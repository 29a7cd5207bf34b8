package io.tally.hitkeep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code text/event-stream} body as the HTML standard's EventSource does. okhttp-sse assembles the
 * events through its public {@link EventSources#processResponse}: {@code data:} lines joined with newlines,
 * {@code event:} (no type means {@code message}), dispatch on a blank line, an event left unterminated at the
 * end of the stream dropped, unknown fields skipped.
 *
 * <p>The lines are split here first ({@link Lines}), because okhttp-sse's public listener never sees what a
 * reconnecting client needs, and its reader has no size limit (each verified by {@code SseParserTest}):
 * <ul>
 *   <li>{@code retry:} reaches only its internal event source, which ignores it;</li>
 *   <li>comments (the server's heartbeats) are skipped by its reader;</li>
 *   <li>its reader keeps an {@code id:} only from blocks with data, where the standard keeps it from every
 *       block (an id-only block still moves the last event id), and it keeps an id holding NUL, which the
 *       standard ignores: so the last event id is kept here;</li>
 *   <li>a leading byte order mark makes its reader skip the first line;</li>
 *   <li>a lone CR ends a {@code data:} line for its reader but not an {@code id:}, {@code event:} or
 *       {@code retry:} line, so every line is handed over ending in LF;</li>
 *   <li>it buffers a line and an event however long they are: here both are limited to
 *       {@link #MAX_EVENT_BYTES}.</li>
 * </ul>
 */
final class SseParser {
    /** The most bytes one event (its lines and line ends) may take; a longer one fails the stream. */
    static final int MAX_EVENT_BYTES = 1 << 20;

    private static final MediaType EVENT_STREAM = MediaType.get("text/event-stream");
    /** okhttp-sse reads a response; this one only carries the body, and nothing is sent to this address. */
    private static final Request PLACEHOLDER_REQUEST = new Request.Builder().url("http://localhost/").build();
    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
    private static final ByteString BOM = ByteString.decodeHex("efbbbf");

    /** Receives what the stream carries, on the reading thread. */
    interface Sink {
        void event(@Nullable String lastEventId, String type, String data);

        void retry(long millis);

        void comment(String text);

        /** The last event id changed (dispatched with or without data); {@code null} when the stream reset it. */
        void lastEventId(@Nullable String id);
    }

    private SseParser() {}

    /** Reads until the stream ends. */
    static void parse(InputStream in, Sink sink) throws IOException {
        Lines lines = new Lines(Okio.buffer(Okio.source(in)), sink);
        Response response = new Response.Builder()
                .request(PLACEHOLDER_REQUEST)
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .body(ResponseBody.create(Okio.buffer(lines), EVENT_STREAM, -1))
                .build();
        Listener listener = new Listener(lines, sink);
        EventSources.processResponse(response, listener);
        Throwable failure = listener.failure;
        if (failure == null) {
            return;
        }
        if (failure instanceof UncheckedIOException) {
            throw ((UncheckedIOException) failure).getCause();
        }
        if (failure instanceof IOException) {
            throw (IOException) failure;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        throw new IOException("event stream failed", failure);
    }

    /** Hands okhttp-sse's events to the sink, with the last event id kept by {@link Lines}. */
    private static final class Listener extends EventSourceListener {
        private final Lines lines;
        private final Sink sink;
        @Nullable
        Throwable failure;

        Listener(Lines lines, Sink sink) {
            this.lines = lines;
            this.sink = sink;
        }

        @Override
        public void onEvent(EventSource eventSource, @Nullable String id, @Nullable String type, String data) {
            sink.event(lines.lastEventId(), type == null ? "message" : type, data);
        }

        @Override
        public void onFailure(EventSource eventSource, @Nullable Throwable t, @Nullable Response response) {
            failure = t;
        }
    }

    /**
     * The body as okhttp-sse reads it: one whole line per read, each ending in LF, so okhttp-sse asks for a line
     * only after it has dispatched everything before it, and what is reported here keeps the stream's order.
     * Comments, {@code retry:} and {@code id:} are reported here and not handed over; a byte order mark is dropped.
     */
    static final class Lines implements Source {
        private final BufferedSource upstream;
        private final Sink reports;
        private final Buffer pending = new Buffer();
        private boolean firstLine = true;
        private boolean skipLineFeed;
        private long eventBytes;
        private @Nullable String idBuffer;
        private @Nullable String reportedId;

        Lines(BufferedSource upstream, Sink reports) {
            this.upstream = upstream;
            this.reports = reports;
        }

        /** The last event id as the standard keeps it; {@code null} before any and after an empty {@code id:}. */
        @Nullable
        String lastEventId() {
            return idBuffer == null || idBuffer.isEmpty() ? null : idBuffer;
        }

        @Override
        public long read(Buffer into, long byteCount) throws IOException {
            while (pending.size() == 0) {
                if (!nextLine()) {
                    return -1;
                }
            }
            long n = Math.min(byteCount, pending.size());
            into.write(pending, n);
            return n;
        }

        /** Reads one line, reports or hands it over; false at the end of the stream (a cut-off line is dropped). */
        private boolean nextLine() throws IOException {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (upstream.request(1) && upstream.getBuffer().getByte(0) == '\n') {
                    upstream.skip(1); // the LF of a CR LF; checked only now, so a lone CR never waits for more bytes
                }
            }
            long end = lineEnd();
            if (end < 0) {
                return false;
            }
            ByteString line = upstream.readByteString(end);
            skipLineFeed = upstream.readByte() == '\r';
            eventBytes += end + 1;
            if (firstLine) {
                firstLine = false;
                if (line.startsWith(BOM)) {
                    line = line.substring(BOM.size());
                }
            }
            if (line.size() == 0) {
                eventBytes = 0;
                if (idBuffer != null && !idBuffer.equals(reportedId)) {
                    reportedId = idBuffer;
                    reports.lastEventId(lastEventId());
                }
                pending.writeByte('\n'); // okhttp-sse dispatches the event, if it has data
                return true;
            }
            if (line.getByte(0) == ':') {
                reports.comment(line.substring(1).utf8().trim());
                return true;
            }
            String text = line.utf8();
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data":
                case "event":
                    pending.write(line).writeByte('\n');
                    break;
                case "id":
                    if (value.indexOf('\0') < 0) {
                        idBuffer = value;
                    }
                    break;
                case "retry":
                    if (!value.isEmpty() && value.length() < 12 && isDigits(value)) {
                        reports.retry(Long.parseLong(value));
                    }
                    break;
                default:
                    break; // unknown fields are ignored, as the standard says
            }
            return true;
        }

        /** Where the next line ends (CR or LF), within the event limit; -1 when the stream ends first. */
        private long lineEnd() throws IOException {
            long scanned = 0;
            while (true) {
                long end = upstream.getBuffer().indexOfElement(LINE_ENDS, scanned);
                if (end >= 0) {
                    checkSize(end);
                    return end;
                }
                scanned = upstream.getBuffer().size();
                checkSize(scanned);
                if (!upstream.request(scanned + 1)) {
                    return -1;
                }
            }
        }

        private void checkSize(long lineBytes) throws IOException {
            if (eventBytes + lineBytes > MAX_EVENT_BYTES) {
                throw new IOException("event-stream event longer than " + MAX_EVENT_BYTES + " bytes");
            }
        }

        @Override
        public Timeout timeout() {
            return upstream.timeout();
        }

        @Override
        public void close() throws IOException {
            upstream.close();
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
