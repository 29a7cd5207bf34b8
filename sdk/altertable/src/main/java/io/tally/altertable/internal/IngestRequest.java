package io.tally.altertable.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.core.spi.ApiRequest;
import io.tally.core.spi.ClientContext;
import io.tally.core.spi.ResponseReader;
import io.tally.core.json.TallyJson;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /track}, {@code /identify} or {@code /alias} with a JSON array of payloads. Sent with
 * no retries of its own: the dispatcher decides what is retried, since these POSTs are not
 * idempotent to the core transport but are safe to resend under the at-least-once contract.
 */
public final class IngestRequest extends ApiRequest<IngestRequest.Ack, IngestRequest> {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** Any 2xx is success (whatever the body says); its fields are kept when readable. */
    private static final ResponseReader<Ack> LENIENT = response -> {
        JsonNode root = TallyJson.readTreeOrNull(response.text());
        if (root == null || !root.isObject()) {
            return new Ack(response.statusCode(), null, null, null);
        }
        return new Ack(response.statusCode(), root.hasNonNull("ok") ? root.get("ok").asBoolean() : null,
                root.hasNonNull("task_id") ? root.get("task_id").asText() : null,
                root.hasNonNull("error_code") ? root.get("error_code").asText() : null);
    };

    /**
     * A request that posts {@code payloads}, each already-serialised JSON object, as one array to the
     * endpoint of {@code type}, with retries off.
     */
    public IngestRequest(ClientContext context, EventType type, List<byte[]> payloads) {
        super(context, "POST", type.path(), new Object[0], LENIENT);
        rawBody(RequestBody.create(jsonArray(payloads), JSON));
        maxRetries(0);
    }

    /** {@code [p1,p2,…]} from already-serialised objects. */
    static byte[] jsonArray(List<byte[]> payloads) {
        int size = 2 + Math.max(0, payloads.size() - 1);
        for (byte[] p : payloads) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        out[at++] = '[';
        for (int i = 0; i < payloads.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] p = payloads.get(i);
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        out[at] = ']';
        return out;
    }

    /** What a 2xx said: {@code ok}, {@code task_id} and {@code error_code}, each possibly absent. */
    public static final class Ack {
        private final int status;
        private final @Nullable Boolean ok;
        private final @Nullable String taskId;
        private final @Nullable String errorCode;

        Ack(int status, @Nullable Boolean ok, @Nullable String taskId, @Nullable String errorCode) {
            this.status = status;
            this.ok = ok;
            this.taskId = taskId;
            this.errorCode = errorCode;
        }

        /** The HTTP status code of the response, always 2xx. */
        public int status() {
            return status;
        }

        /** {@code ok}, or {@code null} when absent. */
        public @Nullable Boolean ok() {
            return ok;
        }

        /** {@code task_id} (current API), or {@code null}. */
        public @Nullable String taskId() {
            return taskId;
        }

        /** {@code error_code}, or {@code null}. */
        public @Nullable String errorCode() {
            return errorCode;
        }
    }
}
