package io.tally.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's framing, cursor and capacity, and what each kind of damage to its files costs. */
class DurableLogTest {
    /** Record types as Altertable numbers them. */
    private static final int TRACK = 1;
    private static final int IDENTIFY = 2;
    private static final int ALIAS = 3;
    private static final String[] NAMES = {"?", "track", "identify", "alias"};

    private static final long SMALL = 64 * 1024; // 4 KiB segments

    @TempDir
    Path dir;

    private static byte[] json(int i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(DurableLog log) throws IOException {
        List<String> out = new ArrayList<>();
        for (DurableLog.Record r : log.read(log.openReport().resendFrom(), Integer.MAX_VALUE)) {
            out.add(NAMES[r.type()] + " " + new String(r.json(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<Integer> numbers(DurableLog log) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (DurableLog.Record r : log.read(log.openReport().resendFrom(), Integer.MAX_VALUE)) {
            String text = new String(r.json(), StandardCharsets.UTF_8);
            out.add(Integer.parseInt(text.substring(5, text.length() - 1)));
        }
        return out;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }

    private void write(int from, int to, long ackThrough) throws IOException {
        try (DurableLog log = DurableLog.open(dir, SMALL, DurableLog.Io.REAL)) {
            for (int i = from; i < to; i++) {
                log.append(TRACK, json(i));
            }
            log.sync();
            if (ackThrough >= 0) {
                log.ack(ackThrough);
            }
        }
    }

    private DurableLog reopen() throws IOException {
        return DurableLog.open(dir, SMALL, DurableLog.Io.REAL);
    }

    @Test
    void recordsComeBackInOrderWithTheirTypes() throws IOException {
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(log.openReport().pending()).isZero();
            log.append(TRACK, json(1));
            log.append(IDENTIFY, json(2));
            log.append(ALIAS, json(3));
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":1}", "identify {\"n\":2}", "alias {\"n\":3}");
            assertThat(log.openReport().problem()).isNull();
            assertThat(log.openReport().cursorTrusted()).isTrue();
        }
    }

    @Test
    void ackedRecordsAreNotReplayedAndNewOnesFollowTheRest() throws IOException {
        try (DurableLog log = DurableLog.open(dir)) {
            log.append(TRACK, json(1));
            log.append(TRACK, json(2));
            long third = log.append(TRACK, json(3));
            log.ack(third);
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":3}");
            log.append(TRACK, json(4));
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(texts(log)).containsExactly("track {\"n\":3}", "track {\"n\":4}");
            log.ack(log.end());
        }
        try (DurableLog log = DurableLog.open(dir)) {
            assertThat(log.openReport().pending()).isZero();
            assertThat(log.openReport().problem()).isNull();
        }
    }

    @Test
    void segmentsRotateByBytesAndAreDeletedOnceAcknowledged() throws IOException {
        int total = 1000;
        try (DurableLog log = reopen()) {
            for (int i = 0; i < total; i++) {
                log.append(TRACK, json(i));
            }
            int before = segments().size();
            assertThat(before).isGreaterThan(3);
            long bytes = log.bytesOnDisk();
            log.ack(total - 100);
            assertThat(segments().size()).as("segments wholly before the cursor are deleted").isLessThan(before);
            assertThat(log.bytesOnDisk()).isLessThan(bytes);
            assertThat(log.read(total - 100, 1000)).hasSize(100);
        }
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactlyElementsOf(range(total - 100, total));
            assertThat(log.openReport().problem()).isNull();
        }
    }

    @Test
    void readingBackInPiecesFollowsTheAppends() throws IOException {
        try (DurableLog log = reopen()) {
            for (int i = 0; i < 300; i++) {
                log.append(TRACK, json(i));
            }
            List<Integer> seen = new ArrayList<>();
            long from = 0;
            for (int round = 0; round < 100 && seen.size() < 400; round++) {
                List<DurableLog.Record> records = log.read(from, 7);
                if (records.isEmpty()) {
                    break;
                }
                for (DurableLog.Record r : records) {
                    seen.add((int) r.seq());
                    from = r.seq() + 1;
                }
                if (seen.size() == 300) {
                    for (int i = 300; i < 400; i++) {
                        log.append(TRACK, json(i));
                    }
                }
            }
            assertThat(seen).containsExactlyElementsOf(range(0, 400));
        }
    }

    @Test
    void theByteLimitIsEnforcedAndSpaceReturnsAsSegmentsAreAcknowledged() throws IOException {
        try (DurableLog log = reopen()) {
            int appended = 0;
            while (log.hasRoomFor(json(appended).length)) {
                log.append(TRACK, json(appended++));
            }
            assertThat(log.bytesOnDisk()).isLessThanOrEqualTo(SMALL);
            assertThat(appended).isGreaterThan(1000);
            log.ack(appended / 2);
            assertThat(log.hasRoomFor(json(appended).length)).isTrue();
        }
    }

    @Test
    void aTruncatedTailIsCountedUpToTheSyncedEndInTheCursor() throws IOException {
        write(0, 10, 3); // cursor: 3 next, 10 synced
        Path segment = segments().get(segments().size() - 1);
        byte[] bytes = Files.readAllBytes(segment);
        int recordLength = bytes.length / 10; // close enough to cut inside record 6
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 3 * recordLength - recordLength / 2));
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactly(3, 4, 5);
            assertThat(log.openReport().lost()).isEqualTo(4);
            assertThat(log.openReport().problem()).contains("4 records were damaged or missing");
        }
    }

    @Test
    void aTornLastRecordIsCountedAndNeverAppendedTo() throws IOException {
        try (DurableLog log = reopen()) {
            log.append(TRACK, json(1));
            log.append(TRACK, json(2));
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactly(1);
            assertThat(log.openReport().lost()).isEqualTo(1);
            log.append(TRACK, json(3));
        }
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactly(1, 3);
            assertThat(log.openReport().lost()).as("reported until acknowledged past").isEqualTo(1);
            log.ack(log.end());
        }
        try (DurableLog log = reopen()) {
            assertThat(log.openReport().pending()).isZero();
            assertThat(log.openReport().problem()).isNull();
        }
    }

    @Test
    void aFlippedBitInAPayloadLosesOnlyThatRecord() throws IOException {
        write(0, 10, -1);
        flipBitInside(segments().get(0), "{\"n\":4}", 5);
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9);
            assertThat(log.openReport().lost()).isEqualTo(1);
        }
    }

    @Test
    void aFlippedBitInARecordHeaderLosesOnlyThatRecord() throws IOException {
        write(0, 10, -1);
        byte[] bytes = Files.readAllBytes(segments().get(0));
        int payload = indexOf(bytes, "{\"n\":6}");
        bytes[payload - 19 + 5] ^= 0x10; // inside the record's sequence number
        Files.write(segments().get(0), bytes);
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactly(0, 1, 2, 3, 4, 5, 7, 8, 9);
            assertThat(log.openReport().lost()).isEqualTo(1);
        }
    }

    @Test
    void aLostByteInDeliveredDataShiftsNothing() throws IOException {
        write(0, 10, 6);
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int at = indexOf(bytes, "{\"n\":2}") + 2;
        byte[] shorter = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
        Files.write(segment, shorter);
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactly(6, 7, 8, 9);
            assertThat(log.openReport().lost()).as("the damaged record was delivered already").isZero();
            assertThat(log.openReport().problem()).isNull();
        }
    }

    @Test
    void aDeletedMiddleSegmentLosesExactlyItsRecords() throws IOException {
        write(0, 1000, -1);
        List<Path> segments = segments();
        assertThat(segments.size()).isGreaterThan(3);
        int inDeleted = 0;
        byte[] deleted = Files.readAllBytes(segments.get(1));
        for (int i = 0; i + 1 < deleted.length; i++) {
            if (deleted[i] == '{' && deleted[i + 1] == '"') {
                inDeleted++;
            }
        }
        Files.delete(segments.get(1));
        try (DurableLog log = reopen()) {
            assertThat(log.openReport().lost()).isEqualTo(inDeleted);
            assertThat(numbers(log)).hasSize(1000 - inDeleted);
            assertThat(log.openReport().problem()).contains(inDeleted + " records were damaged or missing")
                    .contains("segment files missing");
        }
    }

    @Test
    void aDeletedFirstUnsentSegmentIsCountedFromTheCursor() throws IOException {
        write(0, 1000, 10);
        List<Path> segments = segments();
        byte[] first = Files.readAllBytes(segments.get(0));
        int inFirst = 0;
        for (int i = 0; i + 1 < first.length; i++) {
            if (first[i] == '{' && first[i + 1] == '"') {
                inFirst++;
            }
        }
        Files.delete(segments.get(0));
        try (DurableLog log = reopen()) {
            assertThat(log.openReport().lost()).isEqualTo(inFirst - 10);
            assertThat(numbers(log)).containsExactlyElementsOf(range(inFirst, 1000));
        }
    }

    @Test
    void aCursorWithAFlippedBitIsNotTrustedAndEverythingIsResent() throws IOException {
        write(0, 10, 8);
        byte[] cursor = Files.readAllBytes(dir.resolve("cursor"));
        cursor[2] ^= 0x01; // "2 8 10" becomes "2 9 10": still numbers, but the checksum fails
        Files.write(dir.resolve("cursor"), cursor);
        try (DurableLog log = reopen()) {
            assertThat(log.openReport().cursorTrusted()).isFalse();
            assertThat(numbers(log)).containsExactlyElementsOf(range(0, 10));
            assertThat(log.openReport().problem()).contains("cursor file is damaged").contains("sent again");
        }
    }

    @Test
    void aCursorPointingPastTheLastRecordIsNotTrusted() throws IOException {
        write(0, 10, 4);
        String body = "2 5000 5000";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("cursor"), (body + " " + String.format("%08x", crc.getValue()) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        try (DurableLog log = reopen()) {
            assertThat(log.openReport().cursorTrusted()).isFalse();
            assertThat(numbers(log)).as("at least once: nothing is taken as delivered")
                    .containsExactlyElementsOf(range(0, 10));
            assertThat(log.openReport().problem()).contains("points past the last record");
        }
    }

    @Test
    void aMissingCursorBesideSegmentsIsNotTrusted() throws IOException {
        write(0, 5, 3);
        Files.delete(dir.resolve("cursor"));
        try (DurableLog log = reopen()) {
            assertThat(log.openReport().cursorTrusted()).isFalse();
            assertThat(numbers(log)).containsExactlyElementsOf(range(0, 5));
        }
    }

    @Test
    void aFailedWriteLeavesNoGapWhenTheRetrySucceeds() throws IOException {
        AtomicInteger failures = new AtomicInteger(1);
        DurableLog.Io halfFull = (file, length) -> file.getFileName().toString().startsWith("segment-")
                && length > 30 && failures.getAndDecrement() > 0 ? length / 2 : length;
        try (DurableLog log = DurableLog.open(dir, SMALL, DurableLog.Io.REAL)) {
            log.append(TRACK, json(0));
        }
        try (DurableLog log = DurableLog.open(dir, SMALL, halfFull)) {
            log.append(TRACK, json(1));
            long bytes = log.bytesOnDisk();
            assertThatThrownBy(() -> log.append(TRACK, json(2000000))).isInstanceOf(IOException.class)
                    .hasMessageContaining("wrote only");
            assertThat(log.bytesOnDisk()).as("the torn bytes were cut off again").isEqualTo(bytes);
            log.append(TRACK, json(2));
        }
        try (DurableLog log = reopen()) {
            assertThat(numbers(log)).containsExactly(0, 1, 2);
            assertThat(log.openReport().problem()).isNull();
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
        log.append(TRACK, json(1));
        log.release();
        try (DurableLog reopened = DurableLog.open(dir)) {
            assertThat(texts(reopened)).containsExactly("track {\"n\":1}");
        }
    }

    @Test
    void aTooSmallLimitIsRefused() {
        assertThatThrownBy(() -> DurableLog.open(dir, 1000, DurableLog.Io.REAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer : for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not found");
    }

    private static void flipBitInside(Path file, String text, int offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            byte[] bytes = Files.readAllBytes(file);
            int at = indexOf(bytes, text) + offset;
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (bytes[at] ^ 0x04)}), at);
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
