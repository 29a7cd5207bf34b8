package io.tally.testkit.hitkeep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared test values: one fixed instant, so every fake in the suite reuses the same generated demo data. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-06-25T10:15:02Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    static FakeHitKeep.Builder builder() {
        return FakeHitKeep.builder().clock(CLOCK);
    }

    static JsonNode json(Http.Reply reply) {
        try {
            return MAPPER.readTree(reply.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + reply.status() + "): " + reply.body(), e);
        }
    }
}
