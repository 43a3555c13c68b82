package org.creatorarchiver.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One media job at a time: storing, linking, releasing and healing, on a real database and real files. */
class MediaStoreTest {

    private static final byte[] AUDIO = "ID3 an episode of the podcast".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path mediaDir;

    private DSLContext db;
    private MediaStore store;
    private StoreContents contents;
    private ArchivedPost post;

    @BeforeEach
    void cleanDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        store = new MediaStore(mediaDir, db);
        contents = new StoreContents(db, mediaDir);
        post = ArchivedPost.create(db, "1001");
    }

    @Test
    void newBytesGoToTheirContentAddressedPathWithOneRow() throws IOException {
        HashedFile download = download(AUDIO);
        String hash = download.sha256();

        StoredFile stored = store.store(download, "audio/mpeg", "MP3", post.newAudio());

        String expectedPath = "sha256/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + ".mp3";
        assertThat(stored.path()).isEqualTo(expectedPath);
        assertThat(stored.isNew()).isTrue();
        assertThat(Files.readAllBytes(mediaDir.resolve(expectedPath))).isEqualTo(AUDIO);
        MediaFilesRecord row = db.fetchSingle(MEDIA_FILES);
        assertThat(row.getId()).isEqualTo(stored.id());
        assertThat(row.getFileHash()).isEqualTo(hash);
        assertThat(row.getFilePath()).isEqualTo(expectedPath);
        assertThat(row.getFileType()).isEqualTo("audio/mpeg");
        assertThat(row.getFileSize()).isEqualTo(AUDIO.length);
        assertThat(row.getReferenceCount()).isEqualTo(1);
        assertThat(download.path()).doesNotExist();
        contents.assertConsistent();
    }

    @Test
    void theSameBytesAgainLinkTheExistingRowAndDropTheNewDownload() throws IOException {
        StoredFile first = store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());
        HashedFile again = download(AUDIO);

        StoredFile second = store.store(again, "audio/mp4", "m4a", post.newAudio());

        assertThat(second).isEqualTo(new StoredFile(first.id(), first.path(), false));
        assertThat(again.path()).doesNotExist();
        assertThat(contents.files()).containsExactly(first.path());
        assertThat(contents.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.getReferenceCount()).isEqualTo(2))
                .satisfies(row -> assertThat(row.getFileType())
                        .as("the first store's type stays")
                        .isEqualTo("audio/mpeg"));
        contents.assertConsistent();
    }

    @Test
    void aFailingLinkerStoresNothing() throws IOException {
        HashedFile download = download(AUDIO);

        assertThatThrownBy(() -> store.store(download, "audio/mpeg", "mp3", (tx, id) -> {
                    post.newAudio().link(tx, id);
                    throw new IllegalStateException("the post was deleted meanwhile");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the post was deleted meanwhile");

        assertThat(contents.rows()).isEmpty();
        assertThat(contents.files()).isEmpty();
        assertThat(contents.tempFiles()).isEmpty();
        assertThat(db.fetchCount(POST_MEDIA))
                .as("the linker's row rolled back too")
                .isZero();
    }

    @Test
    void aCommitThatFailsAfterTheFileWasPlacedTakesTheFileAwayAgain() throws IOException {
        HashedFile download = download(AUDIO);
        Path target = mediaDir.resolve(MediaPaths.relativePath(download.sha256(), "mp3"));

        assertThatThrownBy(() -> store.store(download, "audio/mpeg", "mp3", (tx, id) -> {
                    post.newAudio().link(tx, id);
                    failAtCommit(tx);
                }))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("commit_blocker");

        assertThat(target).doesNotExist();
        assertThat(contents.rows()).isEmpty();
        assertThat(contents.files()).isEmpty();
        assertThat(contents.tempFiles()).isEmpty();
    }

    @Test
    void releaseDeletesAFileNothingPointsAtAnyMore() throws IOException {
        StoredFile stored = store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());
        post.forget(db, stored.id());

        assertThat(store.release(List.of(stored.id()))).isEqualTo(1);

        assertThat(contents.rows()).isEmpty();
        assertThat(mediaDir.resolve(stored.path())).doesNotExist();
        assertThat(contents.files()).isEmpty();
    }

    @Test
    void releaseKeepsAFileThatIsStillPointedAt() throws IOException {
        ArchivedPost otherPost = ArchivedPost.create(db, "1002");
        StoredFile stored = store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());
        store.store(download(AUDIO), "audio/mpeg", "mp3", otherPost.newAudio());
        post.forget(db, stored.id());

        assertThat(store.release(List.of(stored.id()))).isZero();

        assertThat(contents.rows())
                .singleElement()
                .satisfies(row -> assertThat(row.getReferenceCount()).isEqualTo(1));
        assertThat(Files.readAllBytes(mediaDir.resolve(stored.path()))).isEqualTo(AUDIO);
        contents.assertConsistent();
    }

    @Test
    void releaseIgnoresUnknownIdsAndNulls() throws IOException {
        StoredFile stored = store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());

        assertThat(store.release(Arrays.asList(null, 999_999L, stored.id()))).isZero();

        contents.assertConsistent();
        assertThat(contents.rows()).hasSize(1);
    }

    @Test
    void aMissingFileIsPutBackByTheNextStoreOfTheSameBytes() throws IOException {
        StoredFile stored = store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());
        Files.delete(mediaDir.resolve(stored.path()));

        StoredFile healed = store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());

        assertThat(healed).isEqualTo(new StoredFile(stored.id(), stored.path(), false));
        assertThat(Files.readAllBytes(mediaDir.resolve(stored.path()))).isEqualTo(AUDIO);
        assertThat(contents.tempFiles()).isEmpty();
        contents.assertConsistent();
    }

    @Test
    void aTruncatedFileIsReplacedByTheNextStoreOfTheSameBytes() throws IOException {
        StoredFile stored = store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());
        Files.write(mediaDir.resolve(stored.path()), Arrays.copyOf(AUDIO, 5));

        store.store(download(AUDIO), "audio/mpeg", "mp3", post.newAudio());

        assertThat(Files.readAllBytes(mediaDir.resolve(stored.path()))).isEqualTo(AUDIO);
        contents.assertConsistent();
    }

    @Test
    void anOrphanFileLeftByACrashIsReplacedByTheNewRowsFile() throws IOException {
        HashedFile download = download(AUDIO);
        Path orphan = mediaDir.resolve(MediaPaths.relativePath(download.sha256(), "mp3"));
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, "half".getBytes(StandardCharsets.UTF_8));

        StoredFile stored = store.store(download, "audio/mpeg", "mp3", post.newAudio());

        assertThat(stored.isNew()).isTrue();
        assertThat(Files.readAllBytes(orphan)).isEqualTo(AUDIO);
        contents.assertConsistent();
    }

    @Test
    void anUnsafeExtensionGivesAPathWithoutOne() throws IOException {
        HashedFile download = download(AUDIO);

        StoredFile stored = store.store(download, null, "../../etc/passwd", post.newAudio());

        assertThat(stored.path()).endsWith("/" + download.sha256());
        contents.assertConsistent();
    }

    @Test
    void aSizeThatDoesNotMatchTheFileIsRefusedAndTheTempFileDeleted() throws IOException {
        HashedFile download = download(AUDIO);

        assertThatThrownBy(() -> store.store(
                        download.path(), download.sha256(), download.size() + 1, "audio/mpeg", "mp3", post.newAudio()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has " + AUDIO.length + " bytes, not the " + (AUDIO.length + 1));

        assertThat(download.path()).doesNotExist();
        assertThat(contents.rows()).isEmpty();
    }

    @Test
    void aMalformedHashIsRefusedAndTheTempFileDeleted() throws IOException {
        HashedFile download = download(AUDIO);
        String upperCase = download.sha256().toUpperCase(Locale.ROOT);

        assertThatThrownBy(() -> store.store(download.path(), upperCase, download.size(), null, "mp3", post.newAudio()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lowercase hex digits");
        assertThat(download.path()).doesNotExist();
    }

    @Test
    void tempDirectoriesLiveUnderTmpOneForEachWorker() throws IOException {
        Path dir = store.tempDir("phase2-host-42-a1b2c3");

        assertThat(dir).isDirectory().isEqualTo(mediaDir.resolve("tmp").resolve("phase2-host-42-a1b2c3"));
        assertThatThrownBy(() -> store.tempDir("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.tempDir("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a/b");
    }

    /** A deferred foreign key that only the COMMIT checks, on temp tables that vanish with the transaction. */
    private static void failAtCommit(DSLContext tx) {
        tx.execute("CREATE TEMP TABLE commit_blocker_parent (id int PRIMARY KEY) ON COMMIT DROP");
        tx.execute("CREATE TEMP TABLE commit_blocker (parent_id int REFERENCES commit_blocker_parent "
                + "DEFERRABLE INITIALLY DEFERRED) ON COMMIT DROP");
        tx.execute("INSERT INTO commit_blocker VALUES (1)");
    }

    private HashedFile download(byte[] bytes) throws IOException {
        return new HashingDownload(store.tempDir("worker-1")).copy(new ByteArrayInputStream(bytes));
    }
}
