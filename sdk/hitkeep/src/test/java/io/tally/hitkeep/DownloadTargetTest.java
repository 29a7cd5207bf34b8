package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tally.core.ServerException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DownloadTargetTest {
    static final String QR = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";
    static final String CSV = "section,key,value\nopens,2026-06-01,57\n";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part2Clients clients = new Part2Clients();

    @TempDir
    Path dir;

    @BeforeEach
    void stub() {
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/csv")
                .withHeader("Content-Disposition", "attachment; filename=\"takeout.csv\"").withBody(CSV)));
    }

    @Test
    void intoAFileStreamsTheBodyThereAndKeepsNothingInMemory() throws Exception {
        Path target = dir.resolve("takeout.csv");
        Files.write(target,
                "old content that is longer than the new one, to prove truncation".getBytes(StandardCharsets.UTF_8));

        Download d = clients.noRetries(wm.baseUrl()).qrCodes().takeout(Part2Clients.SITE, QR).format(ExportFormat.CSV)
                .into(target).execute();

        assertThat(new String(Files.readAllBytes(target), StandardCharsets.UTF_8)).isEqualTo(CSV);
        assertThat(d.savedTo()).isEqualTo(target);
        assertThat(d.sizeBytes()).isEqualTo(CSV.length());
        assertThat(d.inMemory()).isFalse();
        assertThatThrownBy(d::bytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("streamed");
    }

    @Test
    void intoAStreamWritesTheBodyAndLeavesTheStreamOpen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Download d = clients.noRetries(wm.baseUrl()).shared("s7Kp2xQ9").qrCodeTakeout(Part2Clients.SITE, QR).into(out)
                .execute();

        assertThat(out.toString()).isEqualTo(CSV);
        assertThat(d.fileName()).isEqualTo("takeout.csv");
        assertThat(d.contentType()).isEqualTo("text/csv");
    }

    @Test
    void aFileDownloadIsRetriedAfterA503AndTheFileHoldsOnlyTheFinalBody() throws Exception {
        wm.resetAll();
        wm.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service not available\n")).willSetStateTo("up"));
        wm.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(CSV)));
        Path target = dir.resolve("retry.csv");

        clients.tokenClient(wm.baseUrl()).admin().exportAudit().format(ExportFormat.CSV).into(target).execute();

        assertThat(new String(Files.readAllBytes(target), StandardCharsets.UTF_8)).isEqualTo(CSV);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
        assertThat(clients.sleeper.waits()).hasSize(1);
    }

    @Test
    void fileNamesAreReadFromBothContentDispositionForms() {
        assertThat(DownloadTarget.fileNameOf("attachment; filename=\"hits.csv\"")).isEqualTo("hits.csv");
        assertThat(DownloadTarget.fileNameOf("attachment; filename=hits.parquet")).isEqualTo("hits.parquet");
        assertThat(DownloadTarget.fileNameOf("attachment; filename=\"x.csv\"; filename*=UTF-8''gr%C3%BC%C3%9Fe.csv"))
                .isEqualTo("grüße.csv");
        assertThat(DownloadTarget.fileNameOf("inline")).isNull();
        assertThat(DownloadTarget.fileNameOf(null)).isNull();
    }

    @Test
    void serverErrorsAfterRetriesSurfaceAsServerException() {
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("Failed to export file\n")));

        assertThatThrownBy(() -> clients.tokenClient(wm.baseUrl()).sharedQrCode("q4Wn").takeout().execute())
                .isInstanceOf(ServerException.class).hasMessageContaining("Failed to export file");
        assertThat(clients.sleeper.waits()).hasSize(2);
    }
}
