package io.tally.altertable.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableLogTest {
    @TempDir
    Path dir;

    private static byte[] json(int i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(DurableLog log) {
        List<String> out = new ArrayList<>();
        for (DurableLog.Record r : log.recovered()) {
            out.add(r.type().wireName() + " " + new String(r.json(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void recordsComeBackInOrderWithTheirTypes() throws IOException {
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(log.recovered()).isEmpty();
            log.append(EventType.TRACK, json(1));
            log.append(EventType.IDENTIFY, json(2));
            log.append(EventType.ALIAS, json(3));
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":1}", "identify {\"n\":2}", "alias {\"n\":3}");
            assertThat(log.corruptRecords()).isZero();
        }
    }

    @Test
    void ackedRecordsAreNotReplayedAndNewOnesFollowTheRest() throws IOException {
        DurableLog.Position third;
        try (DurableLog log = DurableLog.open(dir)) {
            log.append(EventType.TRACK, json(1));
            log.append(EventType.TRACK, json(2));
            third = log.append(EventType.TRACK, json(3));
            log.ack(third);
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":3}");
            log.append(EventType.TRACK, json(4));
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":3}", "track {\"n\":4}");
            log.ack(log.end());
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(log.recovered()).isEmpty();
        }
    }

    @Test
    void segmentsRotateAndAreDeletedOnceAcknowledged() throws IOException {
        int total = DurableLog.RECORDS_PER_SEGMENT * 2 + 500;
        DurableLog.Position keep = null;
        try (DurableLog log = DurableLog.open(dir)) {
            for (int i = 0; i < total; i++) {
                DurableLog.Position p = log.append(EventType.TRACK, json(i));
                if (i == total - 400) {
                    keep = p;
                }
            }
            assertThat(segments()).hasSize(3);
            log.ack(keep);
            assertThat(segments()).as("segments wholly before the cursor are deleted").hasSize(1);
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(log.recovered()).hasSize(400);
            assertThat(new String(log.recovered().get(0).json(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"n\":" + (total - 400) + "}");
        }
    }

    @Test
    void aTornTailIsIgnoredAndNeverAppendedTo() throws IOException {
        try (DurableLog log = DurableLog.open(dir)) {
            log.append(EventType.TRACK, json(1));
        }
        Path segment = segments().get(0);
        Files.write(segment, "1234abcd track {\"n\":".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":1}");
            assertThat(log.corruptRecords()).isZero();
            log.append(EventType.TRACK, json(2));
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":1}", "track {\"n\":2}");
        }
    }

    @Test
    void damagedLinesAreSkippedAndCounted() throws IOException {
        try (DurableLog log = DurableLog.open(dir)) {
            log.append(EventType.TRACK, json(1));
            log.append(EventType.TRACK, json(2));
        }
        Path segment = segments().get(0);
        Files.write(segment, "garbage\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        String text = new String(Files.readAllBytes(segment), StandardCharsets.UTF_8).replace("{\"n\":1}", "{\"n\":9}");
        Files.write(segment, text.getBytes(StandardCharsets.UTF_8));
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":2}");
            assertThat(log.corruptRecords()).isEqualTo(2);
        }
    }

    @Test
    void anUnreadableCursorReplaysEverything() throws IOException {
        try (DurableLog log = DurableLog.open(dir)) {
            log.append(EventType.TRACK, json(1));
            log.ack(log.end());
        }
        Files.write(dir.resolve("cursor"), "nonsense".getBytes(StandardCharsets.UTF_8));
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":1}");
        }
    }

    @Test
    void theDirectoryIsLockedWhileOpen() throws IOException {
        try (DurableLog log = DurableLog.open(dir)) {
            assertThatThrownBy(() -> DurableLog.open(log.directory())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already used");
        }
        DurableLog.open(dir).close();
    }

    @Test
    void aReleasedLogKeepsWhatWasWritten() throws IOException {
        DurableLog log = DurableLog.open(dir);
        log.append(EventType.TRACK, json(1));
        log.release();
        try (DurableLog reopened = DurableLog.open(dir)) {
            assertThat(texts(reopened)).containsExactly("track {\"n\":1}");
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
