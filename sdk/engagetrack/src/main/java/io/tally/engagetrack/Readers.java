package io.tally.engagetrack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.core.spi.ResponseReader;
import io.tally.engagetrack.model.FunnelAnalysis;
import io.tally.engagetrack.model.FunnelStepResult;
import io.tally.engagetrack.model.TimelineEvent;
import io.tally.engagetrack.model.Visitor;
import io.tally.engagetrack.model.VisitorPage;
import io.tally.engagetrack.model.VisitorTimeline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Readers for answers whose container EngageTrack does not show: lists with {@code total}/{@code page}/
 * {@code limit} beside the items or in a {@code pagination}/{@code meta} object, steps in an array or under a
 * field.
 */
final class Readers {
    private Readers() {}

    /** The items of a list answer: {@code data} when it is an array, else {@code data.<field>}, else the first array. */
    static @Nullable JsonNode items(@Nullable JsonNode data, String field) {
        if (data == null || data.isNull()) {
            return null;
        }
        if (data.isArray()) {
            return data;
        }
        if (data.path(field).isArray()) {
            return data.get(field);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            JsonNode v = fields.next().getValue();
            if (v.isArray()) {
                return v;
            }
        }
        return null;
    }

    /** A paging number ({@code total}, {@code page}, {@code limit}) beside the items or in pagination/meta. */
    static @Nullable Long pagingNumber(JsonNode data, String name) {
        for (JsonNode holder : new JsonNode[] {data, data.path("pagination"), data.path("meta")}) {
            if (holder.path(name).canConvertToLong()) {
                return holder.get(name).asLong();
            }
        }
        return null;
    }

    static <T> List<T> list(ObjectMapper mapper, @Nullable JsonNode array, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode n : array) {
                out.add(mapper.treeToValue(n, type));
            }
        }
        return out;
    }

    static ResponseReader<VisitorPage> visitorPage(int askedPage, int askedLimit) {
        return response -> {
            JsonNode data = Objects.requireNonNull(
                    response.requiredJson(response.mapper().constructType(JsonNode.class)), "visitor list");
            List<Visitor> visitors = list(response.mapper(), items(data, "visitors"), Visitor.class);
            Long page = pagingNumber(data, "page");
            Long limit = pagingNumber(data, "limit");
            return new VisitorPage(visitors, pagingNumber(data, "total"), page == null ? askedPage : page.intValue(),
                    limit == null ? askedLimit : limit.intValue());
        };
    }

    static ResponseReader<VisitorTimeline> timeline(int askedPage, int askedLimit) {
        return response -> {
            JsonNode data = Objects.requireNonNull(
                    response.requiredJson(response.mapper().constructType(JsonNode.class)), "visitor timeline");
            JsonNode profile = data.path("visitor").isObject() ? data.get("visitor") : data;
            Visitor visitor = response.mapper().treeToValue(profile, Visitor.class);
            List<TimelineEvent> events = list(response.mapper(), data.path("timeline").isArray() ? data.get("timeline")
                    : null, TimelineEvent.class);
            Long page = pagingNumber(data, "page");
            Long limit = pagingNumber(data, "limit");
            return new VisitorTimeline(visitor, events, pagingNumber(data, "total"),
                    page == null ? askedPage : page.intValue(),
                    limit == null ? askedLimit : limit.intValue());
        };
    }

    static ResponseReader<FunnelAnalysis> funnelAnalysis() {
        return response -> {
            JsonNode data = response.requiredJson(response.mapper().constructType(JsonNode.class));
            return new FunnelAnalysis(list(response.mapper(), items(data, "steps"), FunnelStepResult.class));
        };
    }

    /** The ingestion answer: 202 with the plain-text body {@code ok}; nothing to return. */
    @SuppressWarnings("NullAway") // a Void reader has no value to give but null
    static ResponseReader<Void> accepted() {
        return response -> {
            response.text();
            return null;
        };
    }
}
