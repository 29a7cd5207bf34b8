package io.tally.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.Test;

/**
 * What okhttp-sse's public API does on its own with the parts of the format {@link SseParser} handles by hand.
 * If an okhttp upgrade makes one of these fail, the matching piece of {@link SseParser.Lines} may be dropped.
 */
class OkHttpSseBehaviourTest {
    final List<String> seen = new ArrayList<>();

    void parse(String stream) {
        Response response = new Response.Builder()
                .request(new Request.Builder().url("http://localhost/").build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(stream, MediaType.get("text/event-stream")))
                .build();
        EventSources.processResponse(response, new EventSourceListener() {
            @Override
            public void onEvent(EventSource source, String id, String type, String data) {
                seen.add("event id=" + id + " type=" + type + " data=" + data);
            }

            @Override
            public void onClosed(EventSource source) {
                seen.add("closed");
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response r) {
                seen.add("failure " + t);
            }
        });
    }

    @Test
    void dataLinesAndTheEventTypeAreAssembledAsTheStandardSays() {
        parse("data: first\ndata:second\ndata\n\nevent: analytics.changed\r\ndata: {}\r\n\r\n");

        assertThat(seen).containsExactly("event id=null type=null data=first\nsecond\n",
                "event id=null type=analytics.changed data={}", "closed");
    }

    @Test
    void aLineCutOffByTheEndOfTheStreamFailsTheReader() {
        // SseParser.Lines hands over whole lines only, and drops a cut-off one as the standard says
        parse("data: complete\n\ndata: cut off");

        assertThat(seen).hasSize(2).startsWith("event id=null type=null data=complete");
        assertThat(seen.get(1)).startsWith("failure java.lang.ArrayIndexOutOfBoundsException");
    }

    @Test
    void retryAndCommentsNeverReachTheListener() {
        parse(": connected\nretry: 3000\n: heartbeat\ndata: x\n\n");

        assertThat(seen).containsExactly("event id=null type=null data=x", "closed");
    }

    @Test
    void anIdOnlyBlockDoesNotMoveTheIdOfLaterEvents() {
        // the standard: the second event's last event id is 2
        parse("id: 1\ndata: a\n\nid: 2\n\ndata: b\n\n");

        assertThat(seen).containsExactly("event id=1 type=null data=a", "event id=1 type=null data=b", "closed");
    }

    @Test
    void anEmptyIdResetsTheIdOfLaterEvents() {
        parse("id: 1\ndata: a\n\nid:\ndata: b\n\n");

        assertThat(seen).containsExactly("event id=1 type=null data=a", "event id=null type=null data=b", "closed");
    }

    @Test
    void anIdWithNulIsKept() {
        // the standard ignores it
        parse("id: 6\u0000\ndata: x\n\n");

        assertThat(seen).containsExactly("event id=6\u0000 type=null data=x", "closed");
    }

    @Test
    void aLeadingByteOrderMarkCostsTheFirstLine() {
        parse("\uFEFFevent: analytics.changed\ndata: {}\n\n");

        assertThat(seen).containsExactly("event id=null type=null data={}", "closed");
    }

    @Test
    void aLoneCrEndsADataLineButNotAnIdLine() {
        // "id: 9\r" is read up to the next LF, so the id swallows the data line
        parse("id: 9\rdata: x\r\r\n");

        assertThat(seen).doesNotContain("event id=9 type=null data=x");
        parse("data: y\r\r");
        assertThat(seen).contains("event id=null type=null data=y");
    }
}
