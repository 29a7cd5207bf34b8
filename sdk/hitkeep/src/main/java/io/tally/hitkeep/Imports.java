package io.tally.hitkeep;

import io.tally.core.TallyException;
import io.tally.hitkeep.model.ImportChunkProgress;
import io.tally.hitkeep.model.ImportFileDeclaration;
import io.tally.hitkeep.model.ImportJob;
import io.tally.hitkeep.model.ImportProvider;
import io.tally.hitkeep.model.ImportUpload;
import io.tally.hitkeep.model.ImportUploadFile;
import io.tally.hitkeep.model.Importer;
import io.tally.hitkeep.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Historical data imports (Plausible, Simple Analytics exports) into a site: list importers and
 * imports, upload files in chunks, validate, start and delete imports.
 *
 * <p>Every route needs {@code site.manage_data} on the site or the instance permission
 * {@code instance.manage_imports}, and accepts an API token or a session.
 *
 * <pre>{@code
 * ImportJob job = hitkeep.imports().upload(siteId, ImportProvider.PLAUSIBLE, Paths.get("plausible-export.zip"));
 * job = hitkeep.imports().validate(siteId, job.id()).execute();   // inspect job.manifest()
 * job = hitkeep.imports().start(siteId, job.id()).execute();      // runs in the background
 * }</pre>
 */
public final class Imports {
    /** HitKeep's chunk size when an upload session does not name one (8 MiB). */
    static final long DEFAULT_CHUNK_SIZE = 8L << 20;

    private final HitKeep client;

    Imports(HitKeep client) {
        this.client = client;
    }

    /** The importers available for the site ({@code GET /api/sites/{id}/importers}). */
    public HitKeepCall<List<Importer>> importers(String siteId) {
        return call("GET", "/api/sites/{id}/importers", client.context().listOf(Importer.class), siteId);
    }

    /** The site's imports, newest first ({@code GET /api/sites/{id}/imports}). */
    public HitKeepCall<List<ImportJob>> list(String siteId) {
        return call("GET", "/api/sites/{id}/imports", JsonReaders.listField("imports", ImportJob.class), siteId);
    }

    /** One import with its files and validation manifest ({@code GET /api/sites/{id}/imports/{importID}}). */
    public HitKeepCall<ImportJob> get(String siteId, String importId) {
        return call("GET", "/api/sites/{id}/imports/{importID}", client.context().json(ImportJob.class), siteId,
                importId);
    }

    /**
     * Creates a staged upload for these files ({@code POST /api/sites/{id}/imports/{provider}/uploads}).
     * Send each file with {@link #uploadChunk}; HitKeep answers 413 when the total exceeds its staging limit.
     *
     * @throws IllegalArgumentException when {@code files} is empty
     */
    public HitKeepCall<ImportUpload> createUpload(String siteId, ImportProvider provider,
            List<ImportFileDeclaration> files) {
        Objects.requireNonNull(provider, "provider");
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one .zip or .csv file");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("files", new ArrayList<>(files));
        return call("POST", "/api/sites/{id}/imports/{provider}/uploads", client.context().json(ImportUpload.class),
                siteId, provider.value()).body(body);
    }

    /** Sends one chunk held in memory, starting at {@code offset} of the file. */
    public ImportChunkUpload uploadChunk(String siteId, String importId, String fileId, long offset, byte[] chunk) {
        Objects.requireNonNull(chunk, "chunk");
        return new ImportChunkUpload(client, siteId, importId, fileId, offset,
                okhttp3.RequestBody.create(chunk, ChunkBodies.OCTET_STREAM));
    }

    /**
     * Sends {@code length} bytes of {@code file} starting at {@code offset}, read from disk as they are sent
     * (and read again if the request is retried).
     */
    public ImportChunkUpload uploadChunk(String siteId, String importId, String fileId, Path file, long offset,
            long length) {
        Objects.requireNonNull(file, "file");
        checkLength(length);
        return new ImportChunkUpload(client, siteId, importId, fileId, offset,
                ChunkBodies.fileRange(file, offset, length, ChunkBodies.OCTET_STREAM));
    }

    /**
     * Sends the next {@code length} bytes of {@code chunk} as the part of the file at {@code offset}. The
     * bytes are streamed as they are read, so the request is not retried (the stream cannot be rewound).
     */
    public ImportChunkUpload uploadChunk(String siteId, String importId, String fileId, long offset, InputStream chunk,
            long length) {
        Objects.requireNonNull(chunk, "chunk");
        checkLength(length);
        return new ImportChunkUpload(client, siteId, importId, fileId, offset,
                ChunkBodies.stream(chunk, length, ChunkBodies.OCTET_STREAM));
    }

    /**
     * Scans the uploaded files and returns the import with its manifest, without importing anything
     * ({@code POST /api/sites/{id}/imports/uploads/{importID}/validate}). 400 with the reason when the
     * files are unusable; 409 when the same source was imported before.
     */
    public HitKeepCall<ImportJob> validate(String siteId, String importId) {
        return call("POST", "/api/sites/{id}/imports/uploads/{importID}/validate",
                client.context().json(ImportJob.class),
                siteId, importId);
    }

    /** Starts a validated import in the background ({@code POST /api/sites/{id}/imports/{importID}/start}). */
    public HitKeepCall<ImportJob> start(String siteId, String importId) {
        return call("POST", "/api/sites/{id}/imports/{importID}/start", client.context().json(ImportJob.class),
                siteId, importId);
    }

    /**
     * Deletes the rows an import added and marks it deleted ({@code DELETE /api/sites/{id}/imports/{importID}}).
     */
    public HitKeepCall<Status> delete(String siteId, String importId) {
        return call("DELETE", "/api/sites/{id}/imports/{importID}", client.context().json(Status.class), siteId,
                importId);
    }

    /**
     * Uploads files for a new import and returns it, ready to {@link #validate validate}: declares the
     * files (with their size and, for files on disk, SHA-256), then sends each one in the chunk size
     * HitKeep asks for. Runs at once, on the calling thread, as several requests; the first failure is
     * thrown and the staged upload is left for HitKeep's cleanup.
     *
     * @throws IllegalArgumentException when {@code sources} is empty or a name is not {@code .zip}/{@code .csv}
     * @throws UncheckedIOException     when a file cannot be read
     */
    public ImportJob upload(String siteId, ImportProvider provider, List<ImportSource> sources) {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("sources must name at least one .zip or .csv file");
        }
        List<ImportFileDeclaration> declarations = new ArrayList<>();
        for (ImportSource source : sources) {
            ImportFileDeclaration d = ImportFileDeclaration.of(source.filename(), source.sizeBytes());
            declarations.add(source.file() != null ? d.withSha256(sha256(source.file())) : d);
        }
        ImportUpload upload = createUpload(siteId, provider, declarations).execute();
        long chunkSize = upload.chunkSize() > 0 ? upload.chunkSize() : DEFAULT_CHUNK_SIZE;
        List<ImportUploadFile> unmatched = new ArrayList<>(upload.files());
        for (ImportSource source : sources) {
            ImportUploadFile staged = take(unmatched, source);
            long offset = staged.bytesReceived();
            while (offset < source.sizeBytes()) {
                long length = Math.min(chunkSize, source.sizeBytes() - offset);
                ImportChunkUpload chunk = source.file() != null
                        ? uploadChunk(siteId, upload.importId(), staged.id(), source.file(), offset, length)
                        : uploadChunk(siteId, upload.importId(), staged.id(), offset,
                                Objects.requireNonNull(source.stream()), length); // no file: a stream
                ImportChunkProgress progress = chunk.execute();
                long expected = offset + length;
                if (source.file() == null && progress.bytesReceived() != expected) {
                    throw new TallyException("HitKeep reports " + progress.bytesReceived() + " bytes of "
                            + source.filename()
                            + " after a chunk ending at " + expected + "; a stream cannot be rewound to resend them");
                }
                if (progress.bytesReceived() <= offset) {
                    throw new TallyException(
                            "HitKeep did not accept the chunk of " + source.filename() + " at offset " + offset);
                }
                offset = progress.bytesReceived();
            }
        }
        return get(siteId, upload.importId()).execute();
    }

    /** {@link #upload(String, ImportProvider, List)} for files on disk. */
    public ImportJob upload(String siteId, ImportProvider provider, Path... files) {
        List<ImportSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(ImportSource.of(f));
        }
        return upload(siteId, provider, sources);
    }

    private static ImportUploadFile take(List<ImportUploadFile> staged, ImportSource source) {
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < staged.size(); i++) {
                ImportUploadFile f = staged.get(i);
                boolean sameName = source.filename().equals(f.filename());
                if (f.sizeBytes() == source.sizeBytes() && (sameName || pass == 1)) {
                    return staged.remove(i);
                }
            }
        }
        throw new TallyException(
                "HitKeep's upload session does not list " + source.filename() + " (" + source.sizeBytes()
                        + " bytes); it lists " + staged);
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                digest.update(buf, 0, n);
            }
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest.digest()) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void checkLength(long length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1 byte, got " + length);
        }
    }

    private <T> HitKeepCall<T> call(String method, String route, io.tally.core.spi.ResponseReader<T> reader,
            Object... path) {
        return new HitKeepCall<>(client, method, route, RouteAuth.TOKEN_OR_SESSION, path, reader);
    }
}
