package org.creatorarchiver.media;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each distinct content once: the bytes at {@code MEDIA_DIR/sha256/ab/cd/<hash>.<ext>} and one
 * {@code media_files} row per hash, whose {@code reference_count} the triggers keep equal to the rows pointing at it.
 * {@link #store} puts a hashed temp download in place (or links the copy already there); {@link #release} deletes the
 * files nothing points at any more, row and bytes.
 *
 * <h2>Why concurrent workers cannot break it</h2>
 * The invariant: a committed row always has its bytes on disk, and the bytes of a row are never deleted while
 * anything points at the row.
 * <ol>
 * <li>Whoever creates or deletes the row or the bytes of a hash holds that hash's advisory lock
 *     ({@link MediaFileLocks}), whatever process it runs in. Two stores of the same bytes therefore run one after the
 *     other: the second finds the row, links it and deletes its own temp file, so there is one row, one file, and the
 *     count is exactly the rows the linkers pointed at it.</li>
 * <li>Bytes appear before their row commits: {@code store} inserts the row, runs the linker and renames the temp file
 *     into place inside one transaction, under a transaction-level lock that ends only with the commit.</li>
 * <li>Bytes disappear after the row's deletion commits: {@code release} holds a <em>session</em>-level lock across
 *     its transaction and the unlink. (A transaction-level lock would end at the commit, and a store of the same
 *     bytes could place its fresh file just before this release unlinked it.)</li>
 * <li>So a store and a release of the same hash are ordered: either the store links first and the release, which
 *     re-reads the count under the lock, keeps the file; or the release deletes row and bytes first and the store
 *     then finds no row, inserts a fresh one and places its own file.</li>
 * <li>Code that points a row at an existing file without this class (linking an already archived media id) needs no
 *     hash lock: its trigger updates the file's row, which the release's {@code SELECT ... FOR UPDATE} waits for, and
 *     if the release deleted the row first, its foreign key fails; it can never point at a deleted file.</li>
 * <li>Failures leave at worst a file without a row, never a row without its file. A store whose commit fails after
 *     the rename checks again under the lock and deletes the file if no row claims it; an unlink that fails after a
 *     release is logged. Such an orphan does no harm: the next store of the same bytes renames over it. A row whose
 *     file went missing or short (deleted by hand, a bad disk) is healed by the next store of those bytes.</li>
 * </ol>
 * Callers must not wrap {@code store} or {@code release} in a transaction of their own or hold locks on
 * {@code media_files} rows while calling them: both open their own transactions, and a wait that passes through the
 * application is invisible to PostgreSQL's deadlock detector. The {@code dsl} must therefore be backed by a pool.
 */
public final class MediaStore {

    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);
    private static final Pattern WORKER_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * Points the caller's row ({@code post_media}, {@code videos}, {@code video_subtitles}) at the stored file inside
     * the transaction that stores it, so the file and its reference commit together. Throwing rolls back both.
     */
    @FunctionalInterface
    public interface Linker {
        void link(DSLContext tx, long mediaFileId);
    }

    private final Path mediaDir;
    private final DSLContext dsl;
    private final MediaRelease release;

    public MediaStore(Path mediaDir, DSLContext dsl) {
        this.mediaDir = mediaDir.toAbsolutePath().normalize();
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.release = new MediaRelease(this.mediaDir, dsl);
    }

    /** {@code MEDIA_DIR/tmp/<worker-id>/}, created if needed: the only place downloads are written before storing. */
    public Path tempDir(String workerId) throws IOException {
        if (workerId == null || !WORKER_ID.matcher(workerId).matches() || workerId.matches("\\.+")) {
            throw new IllegalArgumentException(
                    "a worker id names a directory: letters, digits, '_', '.', '-', got " + workerId);
        }
        return Files.createDirectories(mediaDir.resolve("tmp").resolve(workerId));
    }

    /** The absolute path of a stored file, from its {@code file_path}. */
    public Path pathOf(String relativePath) {
        return mediaDir.resolve(relativePath);
    }

    /** {@link #store(Path, String, long, String, String, Linker)} for what {@link HashingDownload} returns. */
    public StoredFile store(HashedFile file, String contentType, String extension, Linker linker) throws IOException {
        return store(file.path(), file.sha256(), file.size(), contentType, extension, linker);
    }

    /**
     * Stores the temp file's bytes once and runs {@code linker} in the same transaction. New bytes: the row is
     * inserted and the temp file renamed to its content-addressed path. Known bytes: the existing row is linked and
     * the temp file deleted (or renamed into place when the row's file is missing or short). The temp file is gone
     * when this returns or throws.
     *
     * @param tempFile    under {@link #tempDir}, so that the final rename is atomic
     * @param contentType stored as {@code file_type}, e.g. {@code video/mp4}; may be null
     * @param extension   kept only when {@link MediaPaths#safeExtension} accepts it; ignored for known bytes
     * @throws IOException when the file cannot be renamed into place; the transaction is rolled back
     */
    public StoredFile store(
            Path tempFile, String sha256, long size, String contentType, String extension, Linker linker)
            throws IOException {
        try {
            Objects.requireNonNull(linker, "linker");
            return storeInTransaction(Incoming.checked(tempFile, sha256, size, contentType, extension), linker);
        } finally {
            deleteQuietly(tempFile);
        }
    }

    private StoredFile storeInTransaction(Incoming incoming, Linker linker) throws IOException {
        PlacedFile placed = new PlacedFile();
        try {
            return dsl.transactionResult(configuration -> storeLocked(configuration.dsl(), incoming, linker, placed));
        } catch (RuntimeException | Error e) {
            placed.get().ifPresent(path -> discardUnlessClaimed(incoming.sha256(), path, e));
            if (e instanceof FileFailure failure) {
                throw failure.getCause();
            }
            throw e;
        }
    }

    /**
     * Deletes the row and the bytes of each given file that nothing points at any more (reference count 0); files
     * still referenced, and ids without a row, are left alone. Each file is released in its own transaction.
     *
     * @param mediaFileIds the files the caller's rows stopped pointing at (after that change committed); nulls ignored
     * @return how many files were deleted
     */
    public int release(Collection<Long> mediaFileIds) {
        return release.release(mediaFileIds);
    }

    private StoredFile storeLocked(DSLContext tx, Incoming incoming, Linker linker, PlacedFile placed) {
        MediaFileLocks.lockForTransaction(tx, incoming.sha256());
        MediaFilesRecord existing = tx.selectFrom(MEDIA_FILES)
                .where(MEDIA_FILES.FILE_HASH.eq(incoming.sha256()))
                .fetchOne();
        if (existing == null) {
            return storeNew(tx, incoming, linker, placed);
        }
        return linkExisting(tx, existing, incoming, linker, placed);
    }

    private StoredFile storeNew(DSLContext tx, Incoming incoming, Linker linker, PlacedFile placed) {
        String path = MediaPaths.relativePath(incoming.sha256(), incoming.extension());
        long id = tx.insertInto(MEDIA_FILES)
                .set(MEDIA_FILES.FILE_HASH, incoming.sha256())
                .set(MEDIA_FILES.FILE_PATH, path)
                .set(MEDIA_FILES.FILE_TYPE, incoming.contentType())
                .set(MEDIA_FILES.FILE_SIZE, incoming.size())
                .returning(MEDIA_FILES.ID)
                .fetchSingle()
                .getId();
        linker.link(tx, id);
        moveIntoPlace(incoming.tempFile(), path, placed);
        log.debug("stored new media file {} at {} ({} bytes)", id, path, incoming.size());
        return new StoredFile(id, path, true);
    }

    private StoredFile linkExisting(
            DSLContext tx, MediaFilesRecord existing, Incoming incoming, Linker linker, PlacedFile placed) {
        linker.link(tx, existing.getId());
        if (!isIntact(pathOf(existing.getFilePath()), existing.getFileSize())) {
            log.warn(
                    "media file {} was missing or incomplete at {}: put back from a new download of the same bytes",
                    existing.getId(),
                    existing.getFilePath());
            moveIntoPlace(incoming.tempFile(), existing.getFilePath(), placed);
        }
        return new StoredFile(existing.getId(), existing.getFilePath(), false);
    }

    private void moveIntoPlace(Path tempFile, String relativePath, PlacedFile placed) {
        Path target = pathOf(relativePath);
        try {
            Files.createDirectories(target.getParent());
            // A same-filesystem rename: the path shows the whole file or nothing, and replaces any orphan left there.
            Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new FileFailure(new IOException(
                    "cannot rename " + tempFile + " to " + target + " atomically: "
                            + "temp downloads must be written under " + mediaDir.resolve("tmp"),
                    e));
        } catch (IOException e) {
            throw new FileFailure(new IOException("cannot put media file in place at " + target + ": " + e, e));
        }
        placed.set(relativePath);
    }

    /** After a failed store that had already placed its file: the file goes unless a committed row claims it. */
    private void discardUnlessClaimed(String sha256, String relativePath, Throwable failure) {
        try {
            dsl.transaction(configuration -> {
                DSLContext tx = configuration.dsl();
                MediaFileLocks.lockForTransaction(tx, sha256);
                if (!tx.fetchExists(MEDIA_FILES, MEDIA_FILES.FILE_HASH.eq(sha256))) {
                    Files.deleteIfExists(pathOf(relativePath));
                }
            });
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean isIntact(Path file, long expectedSize) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == expectedSize;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete temp download {}: {}", file, e.toString());
        }
    }

    private record Incoming(Path tempFile, String sha256, long size, String contentType, String extension) {

        static Incoming checked(Path tempFile, String sha256, long size, String contentType, String extension)
                throws IOException {
            MediaPaths.requireSha256(sha256);
            long actualSize = Files.size(tempFile);
            if (actualSize != size) {
                throw new IllegalArgumentException(
                        tempFile + " has " + actualSize + " bytes, not the " + size + " given with its hash");
            }
            return new Incoming(tempFile, sha256, size, contentType, extension);
        }
    }

    /** An I/O failure carried out of the jOOQ transaction, which only lets unchecked exceptions through as they are. */
    private static final class FileFailure extends RuntimeException {
        FileFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** The path a store renamed its file to, for the clean-up when its transaction fails after that. */
    private static final class PlacedFile {
        private String relativePath;

        void set(String path) {
            relativePath = path;
        }

        Optional<String> get() {
            return Optional.ofNullable(relativePath);
        }
    }
}
