package io.tally.hitkeep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/** Request bodies that stream bytes from a file range or a stream, never holding them all in memory. */
final class ChunkBodies {
    static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private ChunkBodies() {}

    /** {@code length} bytes of {@code file} from {@code offset}; can be written again for a retry. */
    static RequestBody fileRange(Path file, long offset, long length, MediaType type) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    channel.position(offset);
                    copyExactly(Channels.newInputStream(channel), sink, length, file.toString());
                }
            }
        };
    }

    /** The next {@code length} bytes of {@code in}, written once; a second write fails rather than send other bytes. */
    static RequestBody stream(InputStream in, long length, MediaType type) {
        AtomicBoolean written = new AtomicBoolean();
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                if (!written.compareAndSet(false, true)) {
                    throw new IOException("a streamed body cannot be sent twice; the stream has been consumed");
                }
                copyExactly(in, sink, length, "the stream");
            }
        };
    }

    private static void copyExactly(InputStream in, BufferedSink sink, long length, String what) throws IOException {
        byte[] buf = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException(what + " ended after " + (length - left) + " of " + length + " bytes");
            }
            sink.write(buf, 0, n);
            left -= n;
        }
    }
}
