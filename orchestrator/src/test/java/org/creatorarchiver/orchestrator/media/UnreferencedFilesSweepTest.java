package org.creatorarchiver.orchestrator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.media.HashingDownload;
import org.creatorarchiver.media.MediaStore;
import org.creatorarchiver.media.StoredFile;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files left with no reference are deleted after a grace period; referenced and recent ones stay. */
class UnreferencedFilesSweepTest {

    @TempDir
    Path mediaDir;

    private final DSLContext db = TestDatabase.migrated();
    private MediaStore store;

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
        store = new MediaStore(mediaDir, db);
    }

    private StoredFile stored(String content, MediaStore.Linker linker) throws Exception {
        var file = new HashingDownload(store.tempDir("test-worker"))
                .copy(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        return store.store(file, "text/plain", "txt", linker);
    }

    private void age(StoredFile file, Duration by) {
        db.execute(
                "UPDATE media_files SET created_at = now() - make_interval(secs => ?) WHERE id = ?",
                (double) by.toSeconds(),
                file.id());
    }

    @Test
    void anOldUnreferencedFileIsDeletedWhileReferencedAndRecentOnesStay() throws Exception {
        long source = db.insertInto(SOURCES)
                .set(SOURCES.VANITY, "sweep")
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
        long post = db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, source)
                .set(POSTS.EXTERNAL_ID, "1")
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
        StoredFile orphan = stored("left behind by a crash", (tx, id) -> {});
        StoredFile recent = stored("being linked right now", (tx, id) -> {});
        StoredFile referenced = stored(
                "in a post",
                (tx, id) -> tx.insertInto(POST_MEDIA)
                        .set(POST_MEDIA.POST_ID, post)
                        .set(POST_MEDIA.POSITION, 0)
                        .set(POST_MEDIA.KIND, PostMediaKind.attachment)
                        .set(POST_MEDIA.STATUS, PostMediaStatus.downloaded)
                        .set(POST_MEDIA.MEDIA_FILE_ID, id)
                        .execute());
        age(orphan, Duration.ofHours(1));
        age(referenced, Duration.ofHours(1));

        int deleted = new UnreferencedFilesSweep(db, store, Duration.ofMinutes(10)).runOnce();

        assertThat(deleted).isEqualTo(1);
        assertThat(db.fetchExists(MEDIA_FILES, MEDIA_FILES.ID.eq(orphan.id()))).isFalse();
        assertThat(store.pathOf(orphan.path())).doesNotExist();
        assertThat(store.pathOf(recent.path())).exists();
        assertThat(store.pathOf(referenced.path())).exists();
        assertThat(new UnreferencedFilesSweep(db, store, Duration.ofMinutes(10)).runOnce())
                .isZero();
    }
}
