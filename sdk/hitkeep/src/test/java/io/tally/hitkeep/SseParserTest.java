package io.tally.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-stream format as the HTML standard defines it. */
class SseParserTest {
    final List<String> seen = new ArrayList<>();

    void parse(String stream) throws IOException {
        parse(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    }

    void parse(InputStream stream) throws IOException {
        SseParser.parse(stream, new SseParser.Sink() {
            @Override
            public void event(String lastEventId, String type, String data) {
                if (data.equals("throw")) {
                    throw new IllegalStateException("listener failed");
                }
                seen.add("event id=" + lastEventId + " type=" + type + " data=" + data);
            }

            @Override
            public void retry(long millis) {
                seen.add("retry " + millis);
            }

            @Override
            public void comment(String text) {
                seen.add("comment " + text);
            }

            @Override
            public void lastEventId(String id) {
                seen.add("id " + id);
            }
        });
    }

    @Test
    void dataLinesAreJoinedAndTheDefaultTypeIsMessage() throws IOException {
        parse("data: first\ndata:second\ndata\n\n");

        assertThat(seen).containsExactly("event id=null type=message data=first\nsecond\n");
    }

    @Test
    void crlfAndCrLineEndsAndABomAreAccepted() throws IOException {
        parse("\uFEFFevent: analytics.changed\r\ndata: {}\r\n\r\nid: 9\rdata: x\r\r");

        assertThat(seen).containsExactly("event id=null type=analytics.changed data={}", "id 9",
                "event id=9 type=message data=x");
    }

    @Test
    void theIdIsKeptForLaterEventsAndAnEventWithoutDataIsNotDispatched() throws IOException {
        parse("id: 41\nevent: analytics.changed\n\ndata: a\n\n");

        assertThat(seen).containsExactly("id 41", "event id=41 type=message data=a");
    }

    @Test
    void retryNeedsDigitsAndCommentsAndUnknownFieldsAreHandled() throws IOException {
        parse(": connected\nretry: 3000\nretry: soon\nfoo: bar\n: heartbeat\n");

        assertThat(seen).containsExactly("comment connected", "retry 3000", "comment heartbeat");
    }

    @Test
    void anEventCutOffByTheEndOfTheStreamIsDropped() throws IOException {
        parse("data: complete\n\ndata: cut off");

        assertThat(seen).containsExactly("event id=null type=message data=complete");
    }

    @Test
    void anIdWithANullCharacterIsIgnored() throws IOException {
        parse("id: 5\n\nid: 6\u0000\ndata: x\n\n");

        assertThat(seen).containsExactly("id 5", "event id=5 type=message data=x");
    }

    @Test
    void anIdOnlyBlockMovesTheIdOfLaterEvents() throws IOException {
        parse("id: 1\ndata: a\n\nid: 2\n\ndata: b\n\nid\ndata: c\n\n");

        assertThat(seen).containsExactly("id 1", "event id=1 type=message data=a", "id 2",
                "event id=2 type=message data=b",
                "id null", "event id=null type=message data=c");
    }

    @Test
    void commentsRetriesAndEventsArriveInTheStreamsOrder() throws IOException {
        parse(": a\ndata: 1\n\n: b\nretry: 10\ndata: 2\n\n: c\n");

        assertThat(seen).containsExactly("comment a", "event id=null type=message data=1", "comment b", "retry 10",
                "event id=null type=message data=2", "comment c");
    }

    @Test
    void anEventEndedByALoneCrIsDispatchedWithoutWaitingForMoreBytes() {
        InputStream thenFails = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        InputStream stream = new SequenceInputStream(
                new ByteArrayInputStream("data: x\r\r".getBytes(StandardCharsets.UTF_8)), thenFails);

        assertThatThrownBy(() -> parse(stream)).isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(seen).containsExactly("event id=null type=message data=x");
    }

    @Test
    void anEventLargerThanTheLimitFailsTheStream() throws IOException {
        String big = "x".repeat(SseParser.MAX_EVENT_BYTES / 2);
        parse("data: " + big + "\n\ndata: " + big + "\n\n");
        assertThat(seen).hasSize(2);

        assertThatThrownBy(() -> parse("data: " + big + "\ndata: " + big + "\n\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("longer than " + SseParser.MAX_EVENT_BYTES + " bytes");
        assertThatThrownBy(() -> parse(": " + "x".repeat(SseParser.MAX_EVENT_BYTES + 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("longer than");
        assertThat(seen).hasSize(2);
    }

    @Test
    void whatTheListenerThrowsEndsTheParseUnchanged() {
        assertThatThrownBy(() -> parse("data: throw\n\ndata: later\n\n")).isInstanceOf(IllegalStateException.class)
                .hasMessage("listener failed");
        assertThat(seen).isEmpty();
    }
}
