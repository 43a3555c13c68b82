package org.creatorarchiver.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.jooq.DSLContext;

/** What the media store holds, on disk and in {@code media_files}, and the checks that must always hold of it. */
public record StoreContents(DSLContext db, Path mediaDir) {

    public List<MediaFilesRecord> rows() {
        return db.selectFrom(MEDIA_FILES).orderBy(MEDIA_FILES.ID).fetch();
    }

    /** Every regular file under {@code MEDIA_DIR/sha256}, relative to {@code MEDIA_DIR}, '/'-separated. */
    public List<String> files() {
        Path root = mediaDir.resolve("sha256");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .map(path -> mediaDir.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files left in the workers' temp directories. */
    public List<Path> tempFiles() {
        Path tmp = mediaDir.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(tmp)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int rowsPointingAt(long mediaFileId) {
        return db.fetchCount(POST_MEDIA, POST_MEDIA.MEDIA_FILE_ID.eq(mediaFileId))
                + db.fetchCount(VIDEOS, VIDEOS.MEDIA_FILE_ID.eq(mediaFileId))
                + db.fetchCount(VIDEO_SUBTITLES, VIDEO_SUBTITLES.MEDIA_FILE_ID.eq(mediaFileId));
    }

    /** One file per row and one row per file, each file holding the bytes of its hash, and exact counts. */
    public void assertConsistent() {
        List<MediaFilesRecord> rows = rows();
        assertThat(files())
                .as("files on disk are exactly the rows' files")
                .containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(MediaFilesRecord::getFilePath).toList());
        for (MediaFilesRecord row : rows) {
            Path file = mediaDir.resolve(row.getFilePath());
            try {
                assertThat(Files.size(file)).as("size of %s", row.getFilePath()).isEqualTo(row.getFileSize());
                assertThat(HashingDownload.hashOf(file))
                        .as("hash of %s", row.getFilePath())
                        .isEqualTo(row.getFileHash());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(row.getReferenceCount())
                    .as("reference_count of media file %d", row.getId())
                    .isEqualTo(rowsPointingAt(row.getId()));
        }
    }
}
