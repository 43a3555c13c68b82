package org.creatorarchiver.media;

import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release half of {@link MediaStore}: deletes the row and the bytes of media files nothing points at any more,
 * under the hash lock that orders it with the stores of the same bytes (see {@link MediaStore}'s class comment).
 */
final class MediaRelease {

    // Logged under the store's name, as before this class was split out of it.
    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);

    private final Path mediaDir;
    private final DSLContext dsl;

    MediaRelease(Path mediaDir, DSLContext dsl) {
        this.mediaDir = mediaDir;
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** See {@link MediaStore#release}. */
    int release(Collection<Long> mediaFileIds) {
        SortedSet<Long> ids = new TreeSet<>();
        mediaFileIds.stream().filter(Objects::nonNull).forEach(ids::add);
        int deleted = 0;
        for (long id : ids) {
            if (releaseOne(id)) {
                deleted++;
            }
        }
        return deleted;
    }

    private boolean releaseOne(long id) {
        Record3<String, String, Integer> file = dsl.select(
                        MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_PATH, MEDIA_FILES.REFERENCE_COUNT)
                .from(MEDIA_FILES)
                .where(MEDIA_FILES.ID.eq(id))
                .fetchOne();
        if (file == null || file.value3() > 0) {
            return false;
        }
        return deleteUnderSessionLock(id, file.value1(), file.value2());
    }

    /**
     * A session-level lock, held across the transaction and the unlink: a transaction-level one would end at the
     * commit, before the bytes are gone.
     */
    private boolean deleteUnderSessionLock(long id, String sha256, String path) {
        return dsl.connectionResult(connection -> {
            DSLContext session = DSL.using(dsl.configuration().derive(connection));
            MediaFileLocks.lockForSession(session, sha256);
            try {
                boolean deleted =
                        session.transactionResult(configuration -> deleteIfUnreferenced(configuration.dsl(), id));
                if (deleted) {
                    unlink(id, path);
                }
                return deleted;
            } finally {
                MediaFileLocks.unlockSession(session, sha256);
            }
        });
    }

    /** Under the hash lock: the count is read again, row-locked, as a store may have linked the file meanwhile. */
    private static boolean deleteIfUnreferenced(DSLContext tx, long id) {
        Integer count = tx.select(MEDIA_FILES.REFERENCE_COUNT)
                .from(MEDIA_FILES)
                .where(MEDIA_FILES.ID.eq(id))
                .forUpdate()
                .fetchOne(MEDIA_FILES.REFERENCE_COUNT);
        if (count == null || count > 0) {
            return false;
        }
        return tx.deleteFrom(MEDIA_FILES).where(MEDIA_FILES.ID.eq(id)).execute() == 1;
    }

    private void unlink(long id, String relativePath) {
        try {
            Files.deleteIfExists(mediaDir.resolve(relativePath));
            log.info("deleted media file {} at {}: nothing points at it any more", id, relativePath);
        } catch (IOException e) {
            log.warn(
                    "media file {} lost its row but its bytes stay at {} (harmless, reused if stored again): {}",
                    id,
                    relativePath,
                    e.toString());
        }
    }
}
