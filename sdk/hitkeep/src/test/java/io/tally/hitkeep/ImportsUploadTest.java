package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.core.ApiConnectionException;
import io.tally.core.ServerException;
import io.tally.hitkeep.model.ImportFileDeclaration;
import io.tally.hitkeep.model.ImportJob;
import io.tally.hitkeep.model.ImportProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImportsUploadTest {
    static final String IMPORT = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    static final String FILE = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a";
    static final String CONTENT = "date,visitors\n2025-01-01,312\n2025-01-02,298\n"; // 44 bytes

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part2Clients clients = new Part2Clients();

    @TempDir
    Path dir;

    private void stubSession(long chunkSize, long size) {
        wm.resetAll();
        wm.stubFor(post(urlPathEqualTo("/api/sites/" + Part2Clients.SITE + "/imports/plausible/uploads"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"import_id\":\"" + IMPORT
                                + "\",\"provider\":\"plausible\",\"status\":\"uploading\","
                                + "\"chunk_size\":" + chunkSize + ",\"files\":[{\"id\":\"" + FILE
                                + "\",\"filename\":\"visitors.csv\","
                                + "\"size_bytes\":" + size + ",\"bytes_received\":0,\"status\":\"pending\"}]}")));
        for (long offset = 0; offset < size; offset += chunkSize) {
            long received = Math.min(size, offset + chunkSize);
            wm.stubFor(put(urlPathMatching(".*/chunks")).withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"import_id\":\"" + IMPORT + "\",\"file_id\":\"" + FILE
                                    + "\",\"bytes_received\":" + received
                                    + ",\"complete\":" + (received >= size) + "}")));
        }
        wm.stubFor(get(urlPathEqualTo("/api/sites/" + Part2Clients.SITE + "/imports/" + IMPORT))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + IMPORT + "\",\"status\":\"uploading\",\"bytes_total\":" + size
                                + ",\"bytes_received\":" + size + "}")));
    }

    private List<LoggedRequest> chunks() {
        return wm.findAll(putRequestedFor(urlPathMatching(".*/chunks"))).stream()
                .sorted(Comparator.comparingLong(r -> Long.parseLong(r.queryParameter("offset").firstValue())))
                .collect(Collectors.toList());
    }

    @Test
    void uploadsAFileFromDiskInTheChunkSizeHitKeepAsksFor() throws Exception {
        Path file = dir.resolve("visitors.csv");
        Files.write(file, CONTENT.getBytes(StandardCharsets.UTF_8));
        stubSession(16, CONTENT.length());

        ImportJob job = clients.tokenClient(wm.baseUrl()).imports().upload(Part2Clients.SITE, ImportProvider.PLAUSIBLE,
                file);

        assertThat(job.id()).isEqualTo(IMPORT);
        assertThat(job.bytesReceived()).isEqualTo(44);
        List<LoggedRequest> chunks = chunks();
        assertThat(chunks).extracting(r -> r.queryParameter("offset").firstValue()).containsExactly("0", "16", "32");
        String sent = chunks.stream().map(LoggedRequest::getBodyAsString).collect(Collectors.joining());
        assertThat(sent).isEqualTo(CONTENT);
        assertThat(chunks.get(0).getHeader("Content-Type")).isEqualTo("application/octet-stream");
        // the declaration carries the size and the SHA-256 of the file
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathMatching(".*/uploads"))
                .withRequestBody(matchingJsonPath("$.files[0].size_bytes", equalTo("44")))
                .withRequestBody(matchingJsonPath("$.files[0].sha256",
                        equalTo(sha256Hex(CONTENT.getBytes(StandardCharsets.UTF_8))))));
    }

    @Test
    void uploadsAStreamWithoutReadingItWhole() {
        stubSession(20, CONTENT.length());
        ByteArrayInputStream in = new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.UTF_8));

        clients.tokenClient(wm.baseUrl()).imports().upload(Part2Clients.SITE, ImportProvider.PLAUSIBLE,
                Collections.singletonList(ImportSource.of("visitors.csv", CONTENT.length(), in)));

        List<LoggedRequest> chunks = chunks();
        assertThat(chunks).extracting(r -> r.getBody().length).containsExactly(20, 20, 4);
        assertThat(chunks.stream().map(LoggedRequest::getBodyAsString).collect(Collectors.joining()))
                .isEqualTo(CONTENT);
        assertThat(in.available()).isZero();
    }

    @Test
    void aChunkFromAFileIsRetriedAfterA503ButAStreamedChunkIsNot() throws Exception {
        Path file = dir.resolve("visitors.csv");
        Files.write(file, CONTENT.getBytes(StandardCharsets.UTF_8));
        wm.resetAll();
        wm.stubFor(put(urlPathMatching(".*/chunks"))
                .willReturn(aResponse().withStatus(503).withBody("Service not available\n")));
        HitKeep hk = clients.tokenClient(wm.baseUrl());

        assertThatThrownBy(() -> hk.imports().uploadChunk(Part2Clients.SITE, IMPORT, FILE, file, 0, 44).execute())
                .isInstanceOf(ServerException.class);
        assertThat(chunks()).hasSize(3); // PUT is idempotent: the first try and two retries, same bytes each time
        assertThat(chunks()).allSatisfy(r -> assertThat(r.getBodyAsString()).isEqualTo(CONTENT));

        wm.resetRequests();
        ByteArrayInputStream in = new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> hk.imports().uploadChunk(Part2Clients.SITE, IMPORT, FILE, 0, in, 44).execute())
                .isInstanceOf(ServerException.class);
        assertThat(chunks()).hasSize(1);
    }

    @Test
    void aStreamShorterThanItsDeclaredLengthFailsTheChunk() {
        wm.resetAll();
        wm.stubFor(put(urlPathMatching(".*/chunks")).willReturn(aResponse().withStatus(200).withBody("{}")));
        ByteArrayInputStream in = new ByteArrayInputStream("short".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> clients.noRetries(wm.baseUrl()).imports()
                .uploadChunk(Part2Clients.SITE, IMPORT, FILE, 0, in, 44).execute())
                .isInstanceOf(ApiConnectionException.class);
    }

    @Test
    void declarationsAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> ImportFileDeclaration.of("export.json", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filename must end in .zip or .csv");
        assertThatThrownBy(() -> ImportFileDeclaration.of("export.zip", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizeBytes");
        assertThatThrownBy(() -> ImportFileDeclaration.of("export.zip", 10).withSha256("abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha256");
        HitKeep hk = clients.noRetries("http://127.0.0.1:9");
        assertThatThrownBy(
                () -> hk.imports().createUpload(Part2Clients.SITE, ImportProvider.PLAUSIBLE, Collections.emptyList()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files");
        assertThatThrownBy(() -> hk.imports().uploadChunk(Part2Clients.SITE, IMPORT, FILE, -1, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
        assertThat(ImportFileDeclaration.of("a.zip", 1).withSha256(repeat("AB", 32)).sha256())
                .isEqualTo(repeat("ab", 32));
        assertThat(Arrays.asList(ImportProvider.PLAUSIBLE, ImportProvider.of("simpleanalytics")))
                .containsExactly(ImportProvider.of("plausible"), ImportProvider.SIMPLE_ANALYTICS);
    }

    private static String repeat(String s, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(s);
        }
        return b.toString();
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        StringBuilder b = new StringBuilder();
        for (byte x : d) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
    }
}
