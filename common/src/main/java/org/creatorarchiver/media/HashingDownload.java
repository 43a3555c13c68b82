package org.creatorarchiver.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Puts a download into a worker's temp directory ({@code MEDIA_DIR/tmp/<worker-id>/}) and computes its SHA-256 in the
 * same pass. Memory stays constant whatever the size: one {@value #BUFFER_BYTES}-byte buffer per call, nothing else
 * grows with the data. Whatever goes wrong (I/O, the size limit, an interrupt), the temp file is deleted before the
 * exception leaves; on success the caller owns it and hands it to {@link MediaStore#store}.
 * <pre>{@code
 * HashingDownload download = new HashingDownload(store.tempDir(context.workerId()), maxBytes);
 * HashedFile file = download.copy(response.body().byteStream());
 * }</pre>
 */
public final class HashingDownload {

    public static final int BUFFER_BYTES = 64 * 1024;
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private static final String TEMP_SUFFIX = ".part";

    private final Path tempDir;
    private final long maxBytes;

    /** @param maxBytes downloads larger than this fail with {@link DownloadTooLargeException} */
    public HashingDownload(Path tempDir, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, got " + maxBytes);
        }
        this.tempDir = tempDir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public HashingDownload(Path tempDir) {
        this(tempDir, NO_LIMIT);
    }

    /** Copies {@code in} to its end into a new temp file. The stream is left open: its owner closes it. */
    public HashedFile copy(InputStream in) throws IOException {
        Path temp = newTempPath();
        try {
            MessageDigest sha256 = sha256();
            long size = writeHashing(in, temp, sha256);
            return new HashedFile(temp, HexFormat.of().formatHex(sha256.digest()), size);
        } catch (IOException | RuntimeException | Error e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
    }

    /** Writes {@code in} to the new file {@code temp}, feeding {@code sha256} on the way; returns the bytes written. */
    private long writeHashing(InputStream in, Path temp, MessageDigest sha256) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                size = withinLimit(size + read, "the download");
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    /**
     * Takes over a file a tool wrote itself (yt-dlp, ffmpeg): moves it into the temp directory when it is elsewhere
     * (a rename when both are on one filesystem) and hashes it there. From this call on the file is the caller's
     * temp download: on failure it is deleted, wherever it was.
     */
    public HashedFile adopt(Path file) throws IOException {
        Path temp = file;
        try {
            requireRegularFile(file);
            if (!tempDir.equals(file.toAbsolutePath().normalize().getParent())) {
                temp = newTempPath();
                Files.move(file, temp);
            }
            long size = withinLimit(Files.size(temp), file.getFileName().toString());
            return new HashedFile(temp, hashOf(temp), size);
        } catch (IOException | RuntimeException | Error e) {
            deleteAfterFailure(temp, e);
            deleteAfterFailure(file, e);
            throw e;
        }
    }

    private static void requireRegularFile(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file, cannot adopt it as a download: " + file);
        }
    }

    /** {@code size}, unless over the limit: then {@link DownloadTooLargeException}, naming {@code what}. */
    private long withinLimit(long size, String what) throws DownloadTooLargeException {
        if (size > maxBytes) {
            throw new DownloadTooLargeException(maxBytes, what);
        }
        return size;
    }

    /** The SHA-256 of a file's bytes, read with one fixed buffer. */
    public static String hashOf(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private Path newTempPath() throws IOException {
        // Created on each call: the reaper may remove a directory whose worker looked dead.
        Files.createDirectories(tempDir);
        return tempDir.resolve(UUID.randomUUID() + TEMP_SUFFIX);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteAfterFailure(Path path, Throwable failure) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
