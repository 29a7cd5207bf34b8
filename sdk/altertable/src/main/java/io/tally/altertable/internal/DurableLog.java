package io.tally.altertable.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * A crash-safe, append-only queue of payloads on disk: a directory of segment files plus a cursor.
 *
 * <ul>
 *   <li>{@link #append} writes one line, {@code <crc32> <type> <json>\n}, to the current segment
 *       ({@code segment-<n>.log}); segments rotate every {@value #RECORDS_PER_SEGMENT} records. Once
 *       {@code append} returns, the record is in the operating system's hands and survives the
 *       process dying; {@link #sync} (called before each batch is sent and on close) forces it to the
 *       device, so it survives a power loss as well.</li>
 *   <li>{@link #ack} records the position of the first record not yet done in {@code cursor}, written
 *       to a temporary file, forced, and atomically renamed over the old one; segments wholly before
 *       the cursor are then deleted.</li>
 *   <li>{@link #open} replays every record after the cursor. A last line without its newline (a
 *       write cut short by a crash) is ignored; a line whose checksum does not match is skipped and
 *       counted in {@link #corruptRecords()}. New records always go to a fresh segment, so a torn
 *       tail is never appended to.</li>
 *   <li>A {@code lock} file held with an exclusive {@link FileLock} keeps two clients (in this or
 *       another process) from sharing a directory.</li>
 * </ul>
 *
 * <p>Thread-safety: {@link #append} calls must not overlap (the dispatcher makes them under its own
 * lock); {@link #sync} and {@link #ack} may run concurrently with appends.
 */
public final class DurableLog implements Closeable {
    static final int RECORDS_PER_SEGMENT = 1000;
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".log";
    private static final String CURSOR = "cursor";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Record> recovered;
    private final int corruptRecords;
    private final Object cursorMonitor = new Object();

    private volatile FileChannel current;
    private long currentSegment;
    private int currentLines;
    private volatile boolean dirty;
    private volatile boolean closed;
    private Position lastAcked;

    private DurableLog(Path directory, FileChannel lockChannel, FileLock lock, List<Record> recovered, int corrupt,
                       long nextSegment, Position cursor) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.recovered = recovered;
        this.corruptRecords = corrupt;
        this.currentSegment = nextSegment;
        this.lastAcked = cursor;
    }

    /**
     * Opens (creating if needed) the queue in {@code directory} and reads the records still to send.
     *
     * @throws IllegalStateException when another client holds the directory
     * @throws IOException           when the directory cannot be created, locked or read
     */
    public static DurableLog open(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lockChannel.close();
            throw new IllegalStateException("durable queue directory " + directory
                    + " is already used by another Altertable client in this process; give each client its own directory");
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("durable queue directory " + directory
                    + " is used by another process; give each process its own directory");
        }
        try {
            Position cursor = readCursor(directory);
            List<Long> segments = segments(directory);
            List<Record> records = new ArrayList<>();
            int corrupt = 0;
            long last = 0;
            for (long segment : segments) {
                last = Math.max(last, segment);
                if (cursor != null && segment < cursor.segment) {
                    Files.deleteIfExists(segmentPath(directory, segment));
                    continue;
                }
                int skip = cursor != null && segment == cursor.segment ? cursor.line : 0;
                corrupt += readSegment(directory, segment, skip, records);
            }
            long next = Math.max(last, cursor == null ? 0 : cursor.segment) + 1;
            return new DurableLog(directory, lockChannel, lock, Collections.unmodifiableList(records), corrupt, next,
                    cursor);
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /** The records found at {@link #open} that were not acknowledged, in the order they were written. */
    public List<Record> recovered() {
        return recovered;
    }

    /** Lines skipped at {@link #open} because their checksum or format was wrong. */
    public int corruptRecords() {
        return corruptRecords;
    }

    /** The directory this queue was opened in. */
    public Path directory() {
        return directory;
    }

    /** Appends one record and returns where it was written. */
    public Position append(EventType type, byte[] json) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (current == null || currentLines >= RECORDS_PER_SEGMENT) {
            rotate();
        }
        byte[] line = encode(type, json);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        FileChannel channel = current;
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        dirty = true;
        return new Position(currentSegment, currentLines++);
    }

    /** The position the next appended record will get: "everything written is done" as a cursor. */
    public Position end() {
        if (current == null) {
            return new Position(currentSegment, 0);
        }
        return currentLines >= RECORDS_PER_SEGMENT ? new Position(currentSegment + 1, 0)
                : new Position(currentSegment, currentLines);
    }

    /** Forces appended records to the storage device. */
    public void sync() throws IOException {
        FileChannel channel = current;
        if (channel == null || !dirty || closed) {
            return;
        }
        dirty = false;
        try {
            channel.force(false);
        } catch (ClosedChannelException rotatedMeanwhile) {
            // rotation forces a segment before closing it
        }
    }

    /**
     * Marks every record before {@code next} as done: writes the cursor atomically, then deletes
     * segments that lie wholly before it. Positions that do not move the cursor forward are ignored.
     */
    public void ack(Position next) throws IOException {
        synchronized (cursorMonitor) {
            if (closed || (lastAcked != null && next.compareTo(lastAcked) <= 0)) {
                return;
            }
            Path tmp = directory.resolve(CURSOR + ".tmp");
            byte[] text = ("1 " + next.segment + " " + next.line + "\n").getBytes(StandardCharsets.US_ASCII);
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(tmp, directory.resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
            lastAcked = next;
            for (long segment : segments(directory)) {
                if (segment < next.segment) {
                    Files.deleteIfExists(segmentPath(directory, segment));
                }
            }
        }
    }

    /** Forces what was written, then closes the files and releases the directory. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            sync();
        } finally {
            release();
        }
    }

    /** Closes the files and releases the directory without forcing anything: what a crash leaves. */
    public void release() throws IOException {
        synchronized (cursorMonitor) {
            closed = true;
        }
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    @Override
    public String toString() {
        return "DurableLog[" + directory + "]";
    }

    private void rotate() throws IOException {
        FileChannel old = current;
        if (old != null) {
            old.force(false);
            old.close();
            currentSegment++;
        }
        current = FileChannel.open(segmentPath(directory, currentSegment), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        currentLines = 0;
        // make the new file's directory entry durable, so records forced into it can be found again
        syncDirectory(directory);
    }

    static byte[] encode(EventType type, byte[] json) {
        byte[] head = (type.wireName() + " ").getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(head, 0, head.length);
        crc.update(json, 0, json.length);
        byte[] crcText = String.format(Locale.ROOT, "%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[crcText.length + head.length + json.length + 1];
        System.arraycopy(crcText, 0, line, 0, crcText.length);
        System.arraycopy(head, 0, line, crcText.length, head.length);
        System.arraycopy(json, 0, line, crcText.length + head.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** Reads one segment's records from line {@code skip} on; returns how many lines were corrupt. */
    private static int readSegment(Path directory, long segment, int skip, List<Record> out) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(segmentPath(directory, segment));
        } catch (NoSuchFileException e) {
            return 0;
        }
        int corrupt = 0;
        int line = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            if (line >= skip) {
                Record record = decode(bytes, start, i, new Position(segment, line));
                if (record == null) {
                    corrupt++;
                } else {
                    out.add(record);
                }
            }
            line++;
            start = i + 1;
        }
        // bytes after the last newline are a record cut short by a crash: never acknowledged, never sent
        return corrupt;
    }

    private static Record decode(byte[] bytes, int start, int end, Position position) {
        int firstSpace = indexOf(bytes, (byte) ' ', start, end);
        if (firstSpace != start + 8) {
            return null;
        }
        int secondSpace = indexOf(bytes, (byte) ' ', firstSpace + 1, end);
        if (secondSpace < 0) {
            return null;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(bytes, start, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, firstSpace + 1, end - firstSpace - 1);
        if (crc.getValue() != expected) {
            return null;
        }
        EventType type = EventType.fromWireName(new String(bytes, firstSpace + 1, secondSpace - firstSpace - 1,
                StandardCharsets.US_ASCII));
        if (type == null) {
            return null;
        }
        byte[] json = new byte[end - secondSpace - 1];
        System.arraycopy(bytes, secondSpace + 1, json, 0, json.length);
        return new Record(type, json, position);
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static Position readCursor(Path directory) throws IOException {
        try {
            String text = new String(Files.readAllBytes(directory.resolve(CURSOR)), StandardCharsets.US_ASCII).trim();
            String[] parts = text.split(" ");
            if (parts.length == 3 && parts[0].equals("1")) {
                return new Position(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NoSuchFileException | NumberFormatException e) {
            // no cursor, or an unreadable one: replay everything (at-least-once)
        }
        return null;
    }

    private static List<Long> segments(Path directory) throws IOException {
        List<Long> segments = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, SEGMENT_PREFIX + "*" + SEGMENT_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    segments.add(Long.parseLong(name.substring(SEGMENT_PREFIX.length(),
                            name.length() - SEGMENT_SUFFIX.length())));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
        Collections.sort(segments);
        return segments;
    }

    private static Path segmentPath(Path directory, long segment) {
        return directory.resolve(String.format(Locale.ROOT, "%s%019d%s", SEGMENT_PREFIX, segment, SEGMENT_SUFFIX));
    }

    /** Makes renames and new files in the directory durable; a no-op where directories cannot be opened. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // e.g. Windows; the rename itself is still atomic
        }
    }

    /** Where a record sits: segment number and 0-based line. Ordered. */
    public static final class Position implements Comparable<Position> {
        final long segment;
        final int line;

        /** The record on 0-based {@code line} of segment file number {@code segment}. */
        public Position(long segment, int line) {
            this.segment = segment;
            this.line = line;
        }

        @Override
        public int compareTo(Position o) {
            return segment != o.segment ? Long.compare(segment, o.segment) : Integer.compare(line, o.line);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Position && compareTo((Position) o) == 0;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(segment) * 31 + line;
        }

        @Override
        public String toString() {
            return segment + ":" + line;
        }
    }

    /** A record read back at {@link #open}. */
    public static final class Record {
        private final EventType type;
        private final byte[] json;
        private final Position position;

        Record(EventType type, byte[] json, Position position) {
            this.type = type;
            this.json = json;
            this.position = position;
        }

        /** The kind of payload, which decides the endpoint it is sent to. */
        public EventType type() {
            return type;
        }

        /** The payload as UTF-8 JSON, byte for byte as it was appended; the array is not copied. */
        public byte[] json() {
            return json;
        }

        /** Where the record sits in the log. */
        public Position position() {
            return position;
        }
    }
}
