package io.tally.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-stream format as the HTML standard defines it. */
class SseParserTest {
    final List<String> seen = new ArrayList<>();

    void parse(String stream) throws IOException {
        SseParser.parse(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), new SseParser.Sink() {
            @Override
            public void event(String lastEventId, String type, String data) {
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

        assertThat(seen).containsExactly("event id=null type=analytics.changed data={}", "id 9", "event id=9 type=message data=x");
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
}
