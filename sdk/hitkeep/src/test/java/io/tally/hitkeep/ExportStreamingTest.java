package io.tally.hitkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.tally.core.ApiConnectionException;
import io.tally.core.time.DateRange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports and takeouts are streamed: a multi-megabyte body goes through in chunks, with progress, into a stream or a
 * file that only appears once complete. The server generates the body on the fly, so neither side holds it whole.
 */
class ExportStreamingTest {
    static final int SIZE = 8 * 1024 * 1024 + 123;

    HttpServer server;
    String baseUrl;
    final AtomicReference<String> lastQuery = new AtomicReference<>();
    volatile boolean announceLength = true;
    volatile boolean breakHalfway;
    final Part1Clients clients = new Part1Clients();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"hits.csv\"");
            exchange.sendResponseHeaders(200, announceLength ? SIZE : 0);
            byte[] block = csvBlock();
            try (OutputStream out = exchange.getResponseBody()) {
                int left = breakHalfway ? SIZE / 2 : SIZE;
                while (left > 0) {
                    int n = Math.min(left, block.length);
                    out.write(block, 0, n);
                    left -= n;
                }
                if (breakHalfway) {
                    exchange.close(); // the announced length is never reached
                }
            } catch (IOException e) {
                // the client went away
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aMultiMegabyteExportStreamsIntoAnOutputStreamWithProgress() {
        CountingOutputStream sink = new CountingOutputStream();
        List<long[]> progress = new CopyOnWriteArrayList<>();

        Download d = clients.token(baseUrl).sites().exportHits(Part1Clients.SITE)
                .range(DateRange.between(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-08T00:00:00Z")))
                .format(ExportFormat.CSV)
                .onProgress((read, total) -> progress.add(new long[] {read, total}))
                .into(sink)
                .execute();

        assertThat(sink.bytes).isEqualTo(SIZE);
        assertThat(sink.writes).as("written in chunks, not at once").isGreaterThan(100);
        assertThat(sink.largestWrite).isLessThanOrEqualTo(8192);
        assertThat(d.sizeBytes()).isEqualTo(SIZE);
        assertThat(d.fileName()).isEqualTo("hits.csv");
        assertThat(d.inMemory()).isFalse();
        assertThatThrownBy(d::bytes).isInstanceOf(IllegalStateException.class);
        assertThat(progress.size()).as("reported along the way").isGreaterThan(100);
        assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(SIZE));
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(SIZE);
        assertThat(progress).extracting(p -> p[0]).isSorted();
        assertThat(lastQuery.get()).contains("format=csv").contains("from=2026-06-01T00%3A00%3A00Z");
    }

    @Test
    void progressReportsAnUnknownTotalWhenTheServerSendsNoLength() {
        announceLength = false;
        List<Long> totals = new CopyOnWriteArrayList<>();

        clients.token(baseUrl).sites().takeout(Part1Clients.SITE).format(ExportFormat.PARQUET)
                .onProgress((read, total) -> totals.add(total)).into(new CountingOutputStream()).execute();

        assertThat(totals).isNotEmpty().containsOnly(DownloadProgress.UNKNOWN_TOTAL);
        assertThat(lastQuery.get()).isEqualTo("format=parquet");
    }

    @Test
    void aDownloadToAPathIsMovedIntoPlaceWhenComplete() throws IOException {
        Path target = dir.resolve("takeout.csv");

        Download d = clients.token(baseUrl).sites().takeout(Part1Clients.SITE).into(target).execute();

        assertThat(Files.size(target)).isEqualTo(SIZE);
        assertThat(d.savedTo()).isEqualTo(target);
        assertThat(listNames()).containsExactly("takeout.csv");
    }

    @Test
    void aBrokenDownloadLeavesTheTargetUntouchedAndNoTemporaryFile() throws IOException {
        breakHalfway = true;
        Path target = dir.resolve("takeout.csv");
        Files.write(target, "yesterday's takeout\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> clients.token(baseUrl).sites().takeout(Part1Clients.SITE).into(target).execute())
                .isInstanceOf(ApiConnectionException.class);

        assertThat(new String(Files.readAllBytes(target), StandardCharsets.UTF_8)).isEqualTo("yesterday's takeout\n");
        assertThat(listNames()).containsExactly("takeout.csv");
    }

    /** 64 KiB of CSV lines, written again and again. */
    static byte[] csvBlock() {
        byte[] line = "2026-06-01T00:00:00Z,/pricing,(Direct)\n".getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = line[i % line.length];
        }
        return block;
    }

    @Test
    void aMissingTargetDirectoryIsReportedAsALocalProblem() {
        Path target = dir.resolve("missing").resolve("takeout.csv");

        assertThatThrownBy(() -> clients.token(baseUrl).sites().takeout(Part1Clients.SITE).into(target).execute())
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot write the download next to");
    }

    private List<String> listNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toList());
        }
    }

    /** Counts what is written without keeping it. */
    static final class CountingOutputStream extends OutputStream {
        long bytes;
        int writes;
        int largestWrite;

        @Override
        public void write(int b) {
            bytes++;
            writes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            writes++;
            largestWrite = Math.max(largestWrite, len);
        }
    }
}
