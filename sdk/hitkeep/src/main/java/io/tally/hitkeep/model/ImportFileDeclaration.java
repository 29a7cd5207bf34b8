package io.tally.hitkeep.model;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One file announced when an import upload is created: its name (a {@code .zip} or {@code .csv}),
 * its exact size, and optionally its SHA-256 so HitKeep can check what arrives.
 *
 * @param filename  the file name; must end in {@code .zip} or {@code .csv}
 * @param sizeBytes the exact size in bytes, at least 1
 * @param sha256    the lower-case hex SHA-256 of the content, or {@code null}
 */
public record ImportFileDeclaration(String filename, long sizeBytes, @Nullable String sha256) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** Checks the fields; throws {@link IllegalArgumentException} naming the one that is wrong. */
    public ImportFileDeclaration {
        if (filename == null || filename.trim().isEmpty()) {
            throw new IllegalArgumentException("filename must not be null or blank");
        }
        String lower = filename.trim().toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".zip") && !lower.endsWith(".csv")) {
            throw new IllegalArgumentException(
                    "filename must end in .zip or .csv (HitKeep imports only those), got '" + filename + "'");
        }
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("sizeBytes of " + filename + " must be at least 1, got " + sizeBytes);
        }
        if (sha256 != null) {
            if (!SHA256_HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 of " + filename + " must be 64 hexadecimal characters");
            }
            sha256 = sha256.toLowerCase(Locale.ROOT);
        }
    }

    /** A file without a checksum. */
    public static ImportFileDeclaration of(String filename, long sizeBytes) {
        return new ImportFileDeclaration(filename, sizeBytes, null);
    }

    /** The same file with a SHA-256 checksum (hex). */
    public ImportFileDeclaration withSha256(String sha256Hex) {
        return new ImportFileDeclaration(filename, sizeBytes, sha256Hex);
    }
}
