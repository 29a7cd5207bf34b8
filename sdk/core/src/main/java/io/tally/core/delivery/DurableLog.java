package io.tally.core.delivery;

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
import org.jspecify.annotations.Nullable;

/**
 * A crash-safe, append-only queue of payloads on disk, bounded in bytes: a directory of numbered
 * segment files plus a cursor.
 *
 * <p><b>Framing.</b> Every record carries a sequence number that grows by one per record across
 * segments, so a record is known by its number and never by where it sits. A segment starts with
 * a header (magic, segment number, first sequence number, checksum); a record is
 * <pre>
 *   magic(2) seq(8) type(1) length(4) headerCrc(4) | payload(length) payloadCrc(4)
 * </pre>
 * The header checksum lets a reader tell a real record start from payload bytes, so after damage
 * it finds the next intact record again ({@code resync}); the payload checksum catches damaged
 * payloads. Damage therefore costs only the records it touches, and the gaps in the sequence
 * numbers (between records, across segment headers, up to the end recorded in the cursor) say
 * exactly how many unsent records were lost: a flipped bit, a lost or added byte, a truncated
 * tail, a deleted segment.
 *
 * <p><b>Cursor.</b> {@link #ack} writes {@code 2 <next seq> <synced end> <crc>} to a temporary
 * file, forces it and renames it atomically over {@code cursor}; segments wholly before the cursor
 * are then deleted (never the newest). At {@link #open} a cursor that is missing while segments
 * exist, fails its checksum, or points past the last record or segment header is not trusted:
 * every record present is sent again (at least once), never taken as delivered.
 *
 * <p><b>Capacity.</b> {@link #hasRoomFor} tells whether a record fits under the byte limit; space
 * is freed a segment at a time as the cursor passes segments.
 *
 * <p><b>Failures.</b> When a write fails (disk full, I/O error) nothing is assumed about what
 * reached the file: the segment is abandoned, the sequence number is not used up, and the next
 * append starts a new segment, so a retry that succeeds leaves no gap.
 *
 * <p>Thread-safety: {@link #append}, {@link #read} and {@link #hasRoomFor} must not overlap (the
 * dispatcher calls them under its own lock); {@link #sync} and {@link #ack} may run concurrently
 * with them.
 */
public final class DurableLog implements Closeable {
    /** The default byte limit of a queue: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** The smallest byte limit accepted: 16 KiB. */
    public static final long MIN_MAX_BYTES = 16L * 1024;
    /**
     * The largest record type: a record carries its type, 1 to 127, in one byte of its header (Altertable
     * stores track, identify and alias as 1, 2 and 3).
     */
    public static final int MAX_TYPE = 127;

    static final int SEGMENT_HEADER_BYTES = 4 + 1 + 8 + 8 + 4;
    static final int RECORD_HEADER_BYTES = 2 + 8 + 1 + 4 + 4;
    static final int RECORD_OVERHEAD = RECORD_HEADER_BYTES + 4;
    private static final byte[] SEGMENT_MAGIC = {'A', 'T', 'Q', 'S'};
    private static final byte SEGMENT_VERSION = 2;
    private static final byte MAGIC0 = (byte) 0xA7;
    private static final byte MAGIC1 = (byte) 0x51;
    private static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;
    private static final int READ_CHUNK = 64 * 1024;
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".log";
    private static final String CURSOR = "cursor";

    /**
     * Where the bytes go; tests substitute one that fails like a full disk.
     */
    public interface Io {
        /** Writes straight through. */
        Io REAL = (file, length) -> length;

        /**
         * Called before {@code length} bytes are written to {@code file}: returns how many of them
         * reach the file before the write fails ({@code length} when it does not fail), or throws.
         */
        int writable(Path file, int length) throws IOException;
    }

    private final Path directory;
    private final long maxBytes;
    private final long segmentBytes;
    private final Io io;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Object cursorMonitor = new Object();
    /** Segments present, oldest first; guarded by {@code this}. */
    private final List<Segment> segments;
    private final OpenReport openReport;

    private volatile @Nullable FileChannel current;
    /** Set together with {@link #current} by {@link #rotate()}: non-null whenever {@code current} is. */
    private @Nullable Segment currentSegment;
    private boolean abandoned;
    private long nextSeq;
    private long nextSegmentNumber;
    private long bytesOnDisk;
    private volatile long syncedEnd;
    private volatile boolean dirty;
    private volatile boolean closed;
    private long lastAcked;

    // where read() left off
    private int readSegmentIndex = -1;
    private long readOffset;
    private long readNextSeq = -1;

    private DurableLog(Path directory, long maxBytes, Io io, FileChannel lockChannel, FileLock lock, Scan scan) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.max(4096, Math.min(1024 * 1024, maxBytes / 16));
        this.io = io;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.segments = scan.segments;
        this.openReport = scan.report;
        this.nextSeq = scan.end;
        this.syncedEnd = scan.end;
        this.lastAcked = scan.report.resendFrom;
        long number = 0;
        long bytes = 0;
        for (Segment s : segments) {
            number = Math.max(number, s.number + 1);
            bytes += s.size;
        }
        this.nextSegmentNumber = number;
        this.bytesOnDisk = bytes;
    }

    /** Opens {@code directory} with the default byte limit and real I/O. */
    public static DurableLog open(Path directory) throws IOException {
        return open(directory, DEFAULT_MAX_BYTES, Io.REAL);
    }

    /**
     * Opens (creating if needed) the queue in {@code directory}, checks what is there and finds the
     * records still to send; see {@link #openReport()}.
     *
     * @param maxBytes the most bytes the segment files may take together
     * @throws IllegalStateException when another client holds the directory
     * @throws IOException           when the directory cannot be created, locked or read
     */
    public static DurableLog open(Path directory, long maxBytes, Io io) throws IOException {
        return open(directory, maxBytes, io, "client");
    }

    /**
     * {@link #open(Path, long, Io)}, naming the owner in the message when the directory is taken, e.g.
     * {@code Altertable client}.
     *
     * @param owner what holds a directory, for the message
     * @throws IllegalStateException when another owner holds the directory
     * @throws IOException           when the directory cannot be created, locked or read
     */
    public static DurableLog open(Path directory, long maxBytes, Io io, String owner) throws IOException {
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be at least " + MIN_MAX_BYTES + ", got " + maxBytes);
        }
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lockChannel.close();
            throw new IllegalStateException("durable queue directory " + directory
                    + " is already used by another " + owner + " in this process; give each client its own directory");
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("durable queue directory " + directory
                    + " is used by another process; give each process its own directory");
        }
        try {
            Scan scan = scan(directory);
            DurableLog log = new DurableLog(directory, maxBytes, io, lockChannel, lock, scan);
            log.deleteSegmentsBefore(scan.report.resendFrom);
            log.writeCursor(scan.report.resendFrom);
            return log;
        } catch (IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /** What {@link #open} found: records to send, damage, and whether the cursor was trusted. */
    public OpenReport openReport() {
        return openReport;
    }

    /** The directory this queue was opened in. */
    public Path directory() {
        return directory;
    }

    /** The byte limit of the segment files together. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The bytes the segment files take now. */
    public synchronized long bytesOnDisk() {
        return bytesOnDisk;
    }

    /** Whether a record with a payload of {@code payloadLength} bytes fits under the byte limit now. */
    public synchronized boolean hasRoomFor(int payloadLength) {
        long needed = (long) payloadLength + RECORD_OVERHEAD;
        if (needsRotation()) {
            needed += SEGMENT_HEADER_BYTES;
        }
        return bytesOnDisk + needed <= maxBytes;
    }

    /**
     * Appends one record and returns its sequence number. When this throws, nothing is assumed
     * about the bytes written: the next append starts a new segment and reuses the number.
     */
    @SuppressWarnings("NullAway") // current and currentSegment are set: needsRotation() made rotate() run first
    public synchronized long append(int type, byte[] json) throws IOException {
        if (type < 1 || type > MAX_TYPE) {
            throw new IllegalArgumentException("type must be between 1 and " + MAX_TYPE + ", got " + type);
        }
        if (closed) {
            throw new ClosedChannelException();
        }
        if (needsRotation()) {
            rotate();
        }
        byte[] record = encode(nextSeq, type, json);
        long sizeBefore = currentSegment.size;
        try {
            write(current, currentSegment.path, record);
        } catch (IOException | RuntimeException e) {
            abandon(sizeBefore);
            throw e;
        }
        currentSegment.size += record.length;
        bytesOnDisk += record.length;
        dirty = true;
        return nextSeq++;
    }

    /** The sequence number the next appended record will get: "everything written is done" as a cursor. */
    public synchronized long end() {
        return nextSeq;
    }

    /**
     * Reads up to {@code max} intact records with sequence numbers from {@code fromSeq} on, in
     * order. Damaged records are skipped (their loss shows as records missing at the end).
     */
    public synchronized List<Record> read(long fromSeq, int max) throws IOException {
        List<Record> out = new ArrayList<>();
        if (max <= 0 || segments.isEmpty()) {
            return out;
        }
        if (readNextSeq != fromSeq || readSegmentIndex < 0 || readSegmentIndex >= segments.size()) {
            readSegmentIndex = 0;
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).firstSeq <= fromSeq) {
                    readSegmentIndex = i;
                }
            }
            readOffset = 0;
        }
        long lastSeq = fromSeq - 1;
        int want = READ_CHUNK;
        while (out.size() < max && readSegmentIndex < segments.size()) {
            Segment segment = segments.get(readSegmentIndex);
            long fileEnd = segment == currentSegment ? segment.size : sizeOf(segment.path);
            if (readOffset >= fileEnd) {
                if (readSegmentIndex == segments.size() - 1) {
                    break;
                }
                readSegmentIndex++;
                readOffset = 0;
                continue;
            }
            byte[] bytes = readFile(segment.path, readOffset, Math.min(fileEnd, readOffset + want));
            boolean atEnd = readOffset + bytes.length >= fileEnd;
            int pos = 0;
            int needed = 0;
            while (out.size() < max && pos < bytes.length) {
                Header h = headerAt(bytes, pos, bytes.length);
                if (h == null) {
                    if (!atEnd && pos + RECORD_HEADER_BYTES > bytes.length) {
                        break; // a header cut by the chunk: read again from here
                    }
                    int next = findHeader(bytes, pos + 1, bytes.length);
                    if (next < 0) {
                        pos = atEnd ? bytes.length : Math.max(pos + 1, bytes.length - RECORD_HEADER_BYTES + 1);
                        break;
                    }
                    pos = next;
                    continue;
                }
                int end = pos + RECORD_HEADER_BYTES + h.length + 4;
                if (end > bytes.length && !atEnd) {
                    needed = end - pos; // a record cut by the chunk: read again from here
                    break;
                }
                if (end > bytes.length || !payloadIntact(bytes, pos, h) || h.type == 0) {
                    int next = findHeader(bytes, pos + RECORD_HEADER_BYTES, bytes.length);
                    if (next < 0) {
                        pos = atEnd ? bytes.length
                                : Math.max(pos + RECORD_HEADER_BYTES, bytes.length - RECORD_HEADER_BYTES + 1);
                        break;
                    }
                    pos = next;
                    continue;
                }
                if (h.seq > lastSeq && h.seq >= fromSeq) {
                    byte[] json = new byte[h.length];
                    System.arraycopy(bytes, pos + RECORD_HEADER_BYTES, json, 0, h.length);
                    out.add(new Record(h.type, json, h.seq));
                    lastSeq = h.seq;
                }
                pos = end;
            }
            readOffset += pos;
            want = pos == 0 && needed > 0 ? Math.max(needed, READ_CHUNK) : READ_CHUNK;
        }
        readNextSeq = lastSeq + 1;
        return out;
    }

    /** Forces appended records to the storage device. */
    public void sync() throws IOException {
        FileChannel channel = current;
        if (channel == null || !dirty || closed) {
            return;
        }
        long end;
        synchronized (this) {
            end = nextSeq;
        }
        dirty = false;
        try {
            channel.force(false);
            syncedEnd = Math.max(syncedEnd, end);
        } catch (ClosedChannelException rotatedMeanwhile) {
            // rotation forces a segment before closing it
            syncedEnd = Math.max(syncedEnd, end);
        }
    }

    /**
     * Marks every record before sequence number {@code next} as done: writes the cursor atomically,
     * then deletes segments that lie wholly before it. Values that do not move the cursor forward
     * are ignored.
     */
    public void ack(long next) throws IOException {
        synchronized (cursorMonitor) {
            if (closed || next <= lastAcked) {
                return;
            }
            writeCursor(next);
            lastAcked = next;
        }
        deleteSegmentsBefore(next);
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
            FileChannel channel = current;
            if (channel != null) {
                channel.close();
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

    // ---- writing ---------------------------------------------------------------------------------

    @SuppressWarnings("NullAway") // currentSegment is non-null whenever current is
    private boolean needsRotation() {
        return current == null || abandoned || currentSegment.size >= segmentBytes;
    }

    private void rotate() throws IOException {
        FileChannel old = current;
        if (old != null) {
            current = null;
            try {
                old.force(false);
            } catch (IOException e) {
                if (!abandoned) {
                    old.close();
                    throw e;
                }
                // already failing: the retry matters more than forcing what may be torn
            }
            old.close();
        }
        abandoned = false;
        long number = nextSegmentNumber;
        Path path = segmentPath(directory, number);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        nextSegmentNumber++;
        Segment segment = new Segment(number, nextSeq, path, 0);
        segments.add(segment);
        byte[] header = segmentHeader(number, nextSeq);
        try {
            write(channel, path, header);
            // make the new file's directory entry durable, so records forced into it can be found again
            syncDirectory(directory);
        } catch (IOException | RuntimeException e) {
            segment.size = sizeOf(path);
            bytesOnDisk += segment.size;
            channel.close();
            abandoned = true;
            throw e;
        }
        segment.size = header.length;
        bytesOnDisk += header.length;
        current = channel;
        currentSegment = segment;
    }

    /** After a failed write: cut the segment back if possible, and start a new one next time. */
    @SuppressWarnings("NullAway") // only called by append(), after rotate() set current and currentSegment
    private void abandon(long sizeBefore) {
        abandoned = true;
        Segment segment = currentSegment;
        long size = sizeOf(segment.path);
        try {
            if (size > sizeBefore) {
                current.truncate(sizeBefore);
                size = sizeBefore;
            }
        } catch (IOException | RuntimeException ignored) {
            // the torn bytes stay; open() recognises them and the retried record's number supersedes them
        }
        bytesOnDisk += size - segment.size;
        segment.size = size;
    }

    private void write(FileChannel channel, Path file, byte[] bytes) throws IOException {
        int allowed = io.writable(file, bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, Math.max(0, Math.min(allowed, bytes.length)));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        if (allowed < bytes.length) {
            throw new IOException("wrote only " + Math.max(0, allowed) + " of " + bytes.length + " bytes to " + file
                    + " (no space left on device?)");
        }
    }

    private void writeCursor(long next) throws IOException {
        String body = "2 " + next + " " + Math.max(next, syncedEnd);
        CRC32 crc = new CRC32();
        byte[] bodyBytes = body.getBytes(StandardCharsets.US_ASCII);
        crc.update(bodyBytes, 0, bodyBytes.length);
        byte[] text = (body + " " + String.format(Locale.ROOT, "%08x", crc.getValue()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Path tmp = directory.resolve(CURSOR + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, tmp, text);
            out.force(true);
        }
        Files.move(tmp, directory.resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
    }

    /** Deletes the segments whose records all lie before {@code next}; never the newest. */
    private void deleteSegmentsBefore(long next) throws IOException {
        List<Segment> doomed = new ArrayList<>();
        synchronized (this) {
            while (segments.size() > 1 && segments.get(1).firstSeq <= next && segments.get(0) != currentSegment) {
                doomed.add(segments.remove(0));
                readSegmentIndex--;
            }
        }
        for (Segment s : doomed) {
            Files.deleteIfExists(s.path);
            synchronized (this) {
                bytesOnDisk -= s.size;
            }
        }
    }

    static byte[] encode(long seq, int type, byte[] json) {
        byte[] record = new byte[RECORD_OVERHEAD + json.length];
        ByteBuffer b = ByteBuffer.wrap(record);
        b.put(MAGIC0).put(MAGIC1).putLong(seq).put((byte) type).putInt(json.length);
        b.putInt((int) crc(record, 0, RECORD_HEADER_BYTES - 4));
        b.put(json);
        CRC32 crc = new CRC32();
        crc.update(record, 2, 9); // seq and type: a payload moved to another record does not pass
        crc.update(json, 0, json.length);
        b.putInt((int) crc.getValue());
        return record;
    }

    private static byte[] segmentHeader(long number, long firstSeq) {
        byte[] header = new byte[SEGMENT_HEADER_BYTES];
        ByteBuffer b = ByteBuffer.wrap(header);
        b.put(SEGMENT_MAGIC).put(SEGMENT_VERSION).putLong(number).putLong(firstSeq);
        b.putInt((int) crc(header, 0, SEGMENT_HEADER_BYTES - 4));
        return header;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** Everything {@link #open} needs from the files. */
    @SuppressWarnings("NullAway.Init") // scan() sets every field before it returns the Scan
    private static final class Scan {
        List<Segment> segments;
        OpenReport report;
        long end;
    }

    private static Scan scan(Path directory) throws IOException {
        Cursor cursor = readCursor(directory);
        List<Long> numbers = segmentNumbers(directory);
        List<Segment> segments = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        long lastAccepted = Long.MIN_VALUE;
        long maxSeen = -1;
        long minSeen = Long.MAX_VALUE;
        boolean tailUnexplained = false;
        List<Long> missingSegments = new ArrayList<>();
        long previousNumber = -1;
        for (long number : numbers) {
            if (previousNumber >= 0) {
                for (long n = previousNumber + 1; n < number && missingSegments.size() < 10; n++) {
                    missingSegments.add(n);
                }
            }
            previousNumber = number;
            Path path = segmentPath(directory, number);
            byte[] bytes = readFile(path, 0, -1);
            long firstSeq = -1;
            int pos = 0;
            if (bytes.length >= SEGMENT_HEADER_BYTES && startsWith(bytes, SEGMENT_MAGIC)
                    && crc(bytes, 0, SEGMENT_HEADER_BYTES - 4) == uint(bytes, SEGMENT_HEADER_BYTES - 4)) {
                firstSeq = ByteBuffer.wrap(bytes, 13, 8).getLong();
                pos = SEGMENT_HEADER_BYTES;
                maxSeen = Math.max(maxSeen, firstSeq - 1);
                minSeen = Math.min(minSeen, firstSeq);
            }
            boolean unexplained = false;
            if (pos == 0) {
                // no intact segment header: its records can still be found; a torn header alone holds none
                pos = findHeader(bytes, 0, bytes.length);
                if (pos < 0) {
                    unexplained = bytes.length > SEGMENT_HEADER_BYTES;
                    pos = bytes.length;
                }
            }
            while (pos < bytes.length) {
                Header h = headerAt(bytes, pos, bytes.length);
                if (h == null) {
                    int next = findHeader(bytes, pos + 1, bytes.length);
                    unexplained = true;
                    if (next < 0) {
                        break;
                    }
                    pos = next;
                    continue;
                }
                unexplained = false;
                maxSeen = Math.max(maxSeen, h.seq);
                minSeen = Math.min(minSeen, h.seq);
                if (firstSeq < 0) {
                    firstSeq = h.seq;
                }
                int end = pos + RECORD_HEADER_BYTES + h.length + 4;
                if (end > bytes.length || !payloadIntact(bytes, pos, h) || h.type == 0) {
                    // damaged or cut short: its number is known, so the gap count includes it
                    int next = findHeader(bytes, pos + RECORD_HEADER_BYTES, bytes.length);
                    if (next < 0) {
                        break;
                    }
                    pos = next;
                    continue;
                }
                if (h.seq > lastAccepted) {
                    accepted.add(h.seq);
                    lastAccepted = h.seq;
                }
                pos = end;
            }
            tailUnexplained = unexplained;
            segments.add(new Segment(number, firstSeq, path, bytes.length));
        }
        // a segment whose first number is unknown starts where the next one does (deleted no earlier)
        long following = Math.max(maxSeen + 1, 0);
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment s = segments.get(i);
            if (s.firstSeq < 0) {
                s.firstSeq = following;
            }
            following = s.firstSeq;
        }

        OpenReport report = new OpenReport();
        long end = maxSeen + 1;
        String distrust = null;
        if (cursor == null) {
            if (!segments.isEmpty()) {
                distrust = "its cursor file is missing";
            }
        } else if (cursor.damaged) {
            distrust = "its cursor file is damaged";
        } else if (cursor.next > cursor.end) {
            distrust = "its cursor is inconsistent";
        } else if (cursor.next > maxSeen + 1 && !segments.isEmpty()) {
            distrust = "its cursor points past the last record (" + cursor.next + " > " + (maxSeen + 1) + ")";
        } else if (segments.isEmpty() && cursor.next > 0 && cursor.end > cursor.next) {
            distrust = "its segment files are missing";
        }
        long from;
        if (distrust == null) {
            from = cursor == null ? 0 : cursor.next;
            end = Math.max(end, cursor == null ? 0 : cursor.end);
        } else {
            from = minSeen == Long.MAX_VALUE ? Math.max(0, maxSeen + 1) : minSeen;
        }
        end = Math.max(end, from);
        int pending = 0;
        for (long seq : accepted) {
            if (seq >= from) {
                pending++;
            }
        }
        long lost = end - from - pending;
        if (tailUnexplained && end == maxSeen + 1) {
            lost++; // bytes after the last record that is still readable: at least one record
        }
        report.trusted = distrust == null;
        report.resendFrom = from;
        report.pending = pending;
        report.lost = lost;
        report.atLeast = tailUnexplained;
        StringBuilder problems = new StringBuilder();
        if (distrust != null) {
            problems.append(distrust).append(": all ").append(pending)
                    .append(" records present are sent again, some of them perhaps for the second time");
        }
        if (lost > 0) {
            if (problems.length() > 0) {
                problems.append("; ");
            }
            problems.append(tailUnexplained ? "at least " : "").append(lost)
                    .append(lost == 1 ? " record was" : " records were")
                    .append(" damaged or missing and cannot be sent");
            if (!missingSegments.isEmpty()) {
                problems.append(" (segment files missing: ").append(missingSegments).append(')');
            }
            if (!report.trusted) {
                problems.append(" (some of them may have been delivered already)");
            }
        }
        report.problem = problems.length() == 0 ? null : problems.toString();
        Scan scan = new Scan();
        scan.segments = segments;
        scan.report = report;
        scan.end = end;
        return scan;
    }

    private static final class Header {
        long seq;
        /** The record's type, 1 to {@link #MAX_TYPE}; 0 when the byte is no valid type. */
        int type;
        int length;
    }

    /** The record header at {@code pos}, or {@code null} when there is none (or it is damaged). */
    private static @Nullable Header headerAt(byte[] b, int pos, int limit) {
        if (pos + RECORD_HEADER_BYTES > limit || b[pos] != MAGIC0 || b[pos + 1] != MAGIC1) {
            return null;
        }
        if (crc(b, pos, RECORD_HEADER_BYTES - 4) != uint(b, pos + RECORD_HEADER_BYTES - 4)) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(b, pos + 2, 13);
        Header h = new Header();
        h.seq = buffer.getLong();
        h.type = fromTypeCode(buffer.get());
        h.length = buffer.getInt();
        if (h.length < 0 || h.length > MAX_RECORD_BYTES || h.seq < 0) {
            return null;
        }
        return h;
    }

    private static boolean payloadIntact(byte[] b, int pos, Header h) {
        int payload = pos + RECORD_HEADER_BYTES;
        CRC32 crc = new CRC32();
        crc.update(b, pos + 2, 9);
        crc.update(b, payload, h.length);
        return crc.getValue() == uint(b, payload + h.length);
    }

    /** The first intact record header at or after {@code from}, or -1. */
    private static int findHeader(byte[] b, int from, int limit) {
        for (int i = Math.max(0, from); i + RECORD_HEADER_BYTES <= limit; i++) {
            if (b[i] == MAGIC0 && b[i + 1] == MAGIC1 && headerAt(b, i, limit) != null) {
                return i;
            }
        }
        return -1;
    }

    private static long crc(byte[] b, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(b, from, length);
        return crc.getValue();
    }

    private static long uint(byte[] b, int pos) {
        return ByteBuffer.wrap(b, pos, 4).getInt() & 0xffffffffL;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int fromTypeCode(byte code) {
        return code >= 1 ? code : 0;
    }

    /** The bytes of {@code file} from {@code offset} up to {@code limit} (-1: the whole file). */
    private static byte[] readFile(Path file, long offset, long limit) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = limit < 0 ? in.size() : Math.min(limit, in.size());
            int length = (int) Math.max(0, size - offset);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (in.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            if (buffer.position() < length) {
                byte[] shorter = new byte[buffer.position()];
                System.arraycopy(buffer.array(), 0, shorter, 0, shorter.length);
                return shorter;
            }
            return buffer.array();
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static final class Cursor {
        long next;
        long end;
        boolean damaged;
    }

    private static @Nullable Cursor readCursor(Path directory) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(directory.resolve(CURSOR));
        } catch (NoSuchFileException e) {
            return null;
        }
        Cursor cursor = new Cursor();
        cursor.damaged = true;
        String text = new String(bytes, StandardCharsets.US_ASCII).trim();
        String[] parts = text.split(" ");
        if (parts.length == 4 && parts[0].equals("2")) {
            String body = parts[0] + " " + parts[1] + " " + parts[2];
            byte[] bodyBytes = body.getBytes(StandardCharsets.US_ASCII);
            try {
                if (Long.parseLong(parts[3], 16) == crc(bodyBytes, 0, bodyBytes.length)) {
                    cursor.next = Long.parseLong(parts[1]);
                    cursor.end = Long.parseLong(parts[2]);
                    cursor.damaged = cursor.next < 0 || cursor.end < 0;
                }
            } catch (NumberFormatException e) {
                // stays damaged: replay everything (at least once)
            }
        }
        return cursor;
    }

    private static List<Long> segmentNumbers(Path directory) throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, SEGMENT_PREFIX + "*" + SEGMENT_SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    numbers.add(Long.parseLong(name.substring(SEGMENT_PREFIX.length(),
                            name.length() - SEGMENT_SUFFIX.length())));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
        Collections.sort(numbers);
        return numbers;
    }

    static Path segmentPath(Path directory, long segment) {
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

    private static final class Segment {
        final long number;
        long firstSeq;
        final Path path;
        long size;

        Segment(long number, long firstSeq, Path path, long size) {
            this.number = number;
            this.firstSeq = firstSeq;
            this.path = path;
            this.size = size;
        }
    }

    /** What {@link #open} found in the directory. */
    public static final class OpenReport {
        boolean trusted;
        long resendFrom;
        int pending;
        long lost;
        boolean atLeast;
        @Nullable
        String problem;

        /** Intact records still to send, from {@link #resendFrom()} on. */
        public int pending() {
            return pending;
        }

        /** The sequence number of the first record to send. */
        public long resendFrom() {
            return resendFrom;
        }

        /** Unsent records that were damaged or missing and are lost (a lower bound when {@link #lostIsLowerBound()}). */
        public long lost() {
            return lost;
        }

        /** Whether damage at the end of the newest segment hides how many records it held. */
        public boolean lostIsLowerBound() {
            return atLeast;
        }

        /** Whether the cursor was trusted; when not, every record present is sent again. */
        public boolean cursorTrusted() {
            return trusted;
        }

        /** What was wrong, for a report, or {@code null} when nothing was. */
        public @Nullable String problem() {
            return problem;
        }
    }

    /** A record read back by {@link #read}. */
    public static final class Record {
        private final int type;
        private final byte[] json;
        private final long seq;

        Record(int type, byte[] json, long seq) {
            this.type = type;
            this.json = json;
            this.seq = seq;
        }

        /** The kind of payload, which decides the endpoint it is sent to. */
        public int type() {
            return type;
        }

        /** The payload as UTF-8 JSON, byte for byte as it was appended; the array is not copied. */
        public byte[] json() {
            return json;
        }

        /** The record's sequence number. */
        public long seq() {
            return seq;
        }
    }
}
