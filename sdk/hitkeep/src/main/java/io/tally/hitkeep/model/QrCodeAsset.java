package io.tally.hitkeep.model;

import java.time.Instant;

/**
 * The graphic attached to a QR code (PNG, JPEG or WebP, at most 2 MiB).
 *
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param byteSize    size in bytes
 * @param width       pixels, 0 when unknown (WebP)
 * @param height      pixels, 0 when unknown (WebP)
 * @param checksum    hex SHA-256 of the content
 */
public record QrCodeAsset(String qrCodeId, String siteId, String filename, String contentType, long byteSize, int width,
        int height, String checksum, Instant createdAt, Instant updatedAt) {}
