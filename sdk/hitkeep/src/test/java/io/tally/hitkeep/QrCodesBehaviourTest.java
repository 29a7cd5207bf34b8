package io.tally.hitkeep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tally.hitkeep.model.QrCodeInput;
import io.tally.hitkeep.model.Redirect;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class QrCodesBehaviourTest {
    static final String QR = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final Part2Clients clients = new Part2Clients();

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @Test
    void definitionsAreCheckedLikeHitKeepChecksThem() {
        assertThatThrownBy(() -> QrCodeInput.of(" ", "https://shop.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name is required");
        assertThatThrownBy(
                () -> QrCodeInput.of(new String(new char[121]).replace('\0', 'x'), "https://shop.example.com"))
                .hasMessageContaining("at most 120 characters");
        assertThatThrownBy(() -> QrCodeInput.of("Flyer", "shop.example.com/spring"))
                .hasMessageContaining("destinationUrl must be an absolute http or https URL");
        assertThatThrownBy(() -> QrCodeInput.of("Flyer", "ftp://shop.example.com/"))
                .hasMessageContaining("destinationUrl");
        QrCodeInput.Builder many = QrCodeInput.builder("Flyer", "https://shop.example.com");
        for (int i = 0; i < 21; i++) {
            many.customParam("p" + i, "v");
        }
        assertThatThrownBy(many::build).hasMessageContaining("at most 20");
        assertThatThrownBy(
                () -> QrCodeInput.builder("Flyer", "https://shop.example.com").customParam("HK_QR", "x").build())
                .hasMessageContaining("hk_qr");
        assertThat(QrCodeInput.of("  Flyer ", " https://shop.example.com/a ").name()).isEqualTo("Flyer");
    }

    @Test
    void aGraphicOverTwoMebibytesIsRefusedBeforeSending() throws Exception {
        Path big = dir.resolve("poster.png");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(QrCodes.MAX_ASSET_BYTES + 1);
        }
        HitKeep hk = clients.noRetries(wm.baseUrl());

        assertThatThrownBy(() -> hk.qrCodes().uploadAsset(Part2Clients.SITE, QR, big))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2097153 bytes").hasMessageContaining("2 MiB");
        assertThatThrownBy(() -> hk.qrCodes().uploadAsset(Part2Clients.SITE, QR, "logo.gif", new byte[10]))
                .hasMessageContaining(".png, .jpg, .jpeg or .webp");
        assertThatThrownBy(() -> hk.qrCodes().uploadAsset(Part2Clients.SITE, QR, "logo.png", new byte[0]))
                .hasMessageContaining("empty");
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aGraphicFromDiskOrAStreamIsSentAsTheAssetField() throws Exception {
        wm.stubFor(put(urlPathEqualTo("/api/sites/" + Part2Clients.SITE + "/qr-codes/" + QR + "/asset"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"qr_code_id\":\"" + QR
                                + "\",\"filename\":\"logo.webp\",\"content_type\":\"image/webp\",\"byte_size\":9}")));
        Path logo = dir.resolve("logo.webp");
        Files.write(logo, "RIFFWEBP!".getBytes(StandardCharsets.UTF_8));
        HitKeep hk = clients.noRetries(wm.baseUrl());

        assertThat(hk.qrCodes().uploadAsset(Part2Clients.SITE, QR, logo).execute().byteSize()).isEqualTo(9);
        assertThat(hk.qrCodes().uploadAsset(Part2Clients.SITE, QR, "logo.jpeg",
                new ByteArrayInputStream("JPEGDATA".getBytes(StandardCharsets.UTF_8)), -1).execute().qrCodeId())
                .isEqualTo(QR);

        List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(sent.get(0).getBodyAsString())
                .contains("name=\"asset\"; filename=\"logo.webp\"\r\nContent-Type: image/webp")
                .contains("RIFFWEBP!");
        assertThat(sent.get(1).getBodyAsString()).contains("filename=\"logo.jpeg\"\r\nContent-Type: image/jpeg")
                .contains("JPEGDATA");
    }

    @Test
    void theRedirectIsReturnedNotFollowedAndCarriesNoCredentials() {
        // a Location on the same server would be followed by a default OkHttp client: it must not be
        wm.stubFor(get(urlPathEqualTo("/q/Xk3v9Pq2")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", wm.baseUrl() + "/landing?hk_qr=" + QR)));
        wm.stubFor(any(urlPathEqualTo("/landing")).willReturn(aResponse().withStatus(200).withBody("landing page")));

        Redirect r = clients.tokenClient(wm.baseUrl()).withSession(HitKeepSession.of("jwt.session.sig", null))
                .qrCodes().open("Xk3v9Pq2").execute();

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.location()).endsWith("/landing?hk_qr=" + QR);
        List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).containsHeader("Authorization")).isFalse();
        assertThat(sent.get(0).containsHeader("Cookie")).isFalse();
        assertThat(sent.get(0).containsHeader("DNT")).isFalse();
    }

    @Test
    void aRedirectRouteAnswering200IsReportedNotMistakenForARedirect() {
        wm.stubFor(get(urlPathEqualTo("/q/abc")).willReturn(aResponse().withStatus(200).withBody("<html>")));

        assertThatThrownBy(() -> clients.noRetries(wm.baseUrl()).qrCodes().open("abc").execute())
                .hasMessageContaining("where a redirect was expected");
    }
}
