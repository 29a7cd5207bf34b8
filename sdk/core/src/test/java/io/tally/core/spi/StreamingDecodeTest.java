package io.tally.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.HttpHeaders;
import io.tally.core.ResponseTooLargeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The per-call fast paths: bare bodies decoded from the stream, path values that need no escaping. */
class StreamingDecodeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JavaType LIST_OF_MAPS = MAPPER.getTypeFactory().constructCollectionType(List.class, Map.class);
    /** Unwraps nothing but is not {@link ResponseEnvelope#BARE}, so it takes the tree path. */
    private static final ResponseEnvelope TREE_PATH = (root, status) -> root;

    private static ResponseHandle handle(String body, ResponseEnvelope envelope, long limit, String contentLength) {
        HttpHeaders headers = contentLength == null ? HttpHeaders.empty()
                : HttpHeaders.of(List.of(new AbstractMap.SimpleEntry<>("Content-Length", contentLength)),
                        Collections.emptySet());
        return new ResponseHandle(200, headers, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), MAPPER, envelope, null, limit);
    }

    @Test
    void aBareBodyDecodesFromTheStreamToWhatTheTreePathGives() throws Exception {
        String body = "[{\"id\":\"s1\",\"name\":\"Caf\u00e9\",\"n\":3},{\"id\":\"s2\",\"tags\":[1,2],\"x\":null}]";

        Object streamed = handle(body, ResponseEnvelope.BARE, 1024, null).requiredJson(LIST_OF_MAPS);
        Object tree = handle(body, TREE_PATH, 1024, null).requiredJson(LIST_OF_MAPS);

        assertThat(streamed).isEqualTo(tree);
        assertThat(streamed.toString()).contains("Caf\u00e9");
    }

    @Test
    void emptyAndNullBodiesKeepTheirMeaning() throws Exception {
        assertThat((Object) handle("", ResponseEnvelope.BARE, 1024, null).json(LIST_OF_MAPS)).isNull();
        assertThat((Object) handle("  \n", ResponseEnvelope.BARE, 1024, null).json(LIST_OF_MAPS)).isNull();
        assertThat((Object) handle("null", ResponseEnvelope.BARE, 1024, null).requiredJson(LIST_OF_MAPS)).isNull();
        assertThatThrownBy(() -> handle(" ", ResponseEnvelope.BARE, 1024, null).requiredJson(LIST_OF_MAPS))
                .isInstanceOf(ResponseHandle.EmptyBodyException.class)
                .hasMessageContaining("an empty body where List was expected");
    }

    @Test
    void theSizeLimitHoldsWhenDecodingFromTheStream() {
        String body = "[{\"name\":\"" + "x".repeat(4000) + "\"}]";

        assertThatThrownBy(() -> handle(body, ResponseEnvelope.BARE, 1024, null).requiredJson(LIST_OF_MAPS))
                .isExactlyInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("more than 1024 bytes, no Content-Length");
        assertThatThrownBy(() -> handle(body, ResponseEnvelope.BARE, 1024, String.valueOf(body.length()))
                .requiredJson(LIST_OF_MAPS))
                .isExactlyInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("(" + body.length() + " bytes)");
    }

    @Test
    void aBodyThatIsNotTheTypeStillFailsAsAParseError() {
        assertThatThrownBy(() -> handle("{\"a\":1}", ResponseEnvelope.BARE, 1024, null).requiredJson(LIST_OF_MAPS))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class)
                .isNotInstanceOf(ResponseHandle.EmptyBodyException.class);
    }

    @Test
    void pathValuesThatNeedNoEscapingComeOutAsHttpUrlWouldEncodeThem() {
        Random random = new Random(12);
        String alphabet = "abcXYZ019-._~ /?#%&+=:@!$'()*,;\u00e9\u4e2d";
        for (int i = 0; i < 2000; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = value.toString();
            if (v.trim().isEmpty() || v.equals(".") || v.equals("..")) {
                continue;
            }
            String expected = HttpUrl.get("http://x/").newBuilder().addPathSegment(v).build().encodedPath()
                    .substring(1);
            assertThat(PathTemplate.expand("/sites/{id}", new Object[] {v})).as(v).isEqualTo("/sites/" + expected);
        }
        assertThat(PathTemplate.display("/s/{id}/{token}", new Object[] {"site-1", "abc"}))
                .isEqualTo("/s/site-1/" + HttpHeaders.REDACTED);
    }
}
