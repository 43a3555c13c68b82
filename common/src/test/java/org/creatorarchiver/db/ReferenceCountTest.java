package org.creatorarchiver.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;
import static org.creatorarchiver.db.generated.Tables.VIDEO_SUBTITLES;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.tables.records.MediaFilesRecord;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.creatorarchiver.db.generated.tables.records.VideoSubtitlesRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** media_files.reference_count equals the post_media, videos and video_subtitles rows pointing at the file. */
class ReferenceCountTest {

    private DSLContext db;
    private Rows rows;
    private PostsRecord post;

    @BeforeEach
    void cleanDatabase() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        rows = new Rows(db);
        post = rows.post(rows.source("1"), "10");
    }

    @Test
    void aDownloadedVideoCountsTwice() {
        MediaFilesRecord file = rows.file(1);

        rows.media(post, 0, file);
        assertThat(rows.referenceCount(file)).isEqualTo(1);
        rows.video(post, "777", file);
        assertThat(rows.referenceCount(file)).isEqualTo(2);
    }

    @Test
    void rePointingMovesTheReferenceFromOneFileToTheOther() {
        MediaFilesRecord first = rows.file(1);
        MediaFilesRecord second = rows.file(2);
        VideosRecord video = rows.video(post, "777", first);

        video.setMediaFileId(second.getId());
        video.store();

        assertThat(rows.referenceCount(first)).isZero();
        assertThat(rows.referenceCount(second)).isEqualTo(1);
    }

    @Test
    void pointingAFileRowAtNothingReleasesItsReference() {
        MediaFilesRecord file = rows.file(1);
        PostMediaRecord media = rows.media(post, 0, file);
        rows.video(post, "777", file);

        db.update(POST_MEDIA)
                .setNull(POST_MEDIA.MEDIA_FILE_ID)
                .set(POST_MEDIA.STATUS, PostMediaStatus.failed)
                .where(POST_MEDIA.ID.eq(media.getId()))
                .execute();

        assertThat(rows.referenceCount(file)).isEqualTo(1);
    }

    @Test
    void pointingARowAtANewFileAddsOneReference() {
        MediaFilesRecord file = rows.file(1);
        PostMediaRecord media = rows.media(post, 0, null);
        assertThat(rows.referenceCount(file)).isZero();

        db.update(POST_MEDIA)
                .set(POST_MEDIA.MEDIA_FILE_ID, file.getId())
                .set(POST_MEDIA.STATUS, PostMediaStatus.downloaded)
                .where(POST_MEDIA.ID.eq(media.getId()))
                .execute();

        assertThat(rows.referenceCount(file)).isEqualTo(1);
    }

    @Test
    void updatesThatKeepTheFileLeaveTheCountAlone() {
        MediaFilesRecord file = rows.file(1);
        VideosRecord video = rows.video(post, "777", file);

        db.update(VIDEOS)
                .set(VIDEOS.MEDIA_FILE_ID, file.getId())
                .set(VIDEOS.TITLE, "renamed")
                .where(VIDEOS.ID.eq(video.getId()))
                .execute();

        assertThat(rows.referenceCount(file)).isEqualTo(1);
    }

    @Test
    void subtitlesCountLikeTheOtherRows() {
        MediaFilesRecord english = rows.file(1);
        MediaFilesRecord spanish = rows.file(2);
        VideosRecord video = rows.video(post, "777", null);
        VideoSubtitlesRecord subtitle = subtitle(video, "en", english);
        subtitle(video, "es", english);
        assertThat(rows.referenceCount(english)).isEqualTo(2);

        subtitle.setMediaFileId(spanish.getId());
        subtitle.store();
        assertThat(rows.referenceCount(english)).isEqualTo(1);
        assertThat(rows.referenceCount(spanish)).isEqualTo(1);

        db.update(VIDEO_SUBTITLES).setNull(VIDEO_SUBTITLES.MEDIA_FILE_ID).execute();
        assertThat(rows.referenceCount(english)).isZero();
        assertThat(rows.referenceCount(spanish)).isZero();
    }

    @Test
    void deletingRowsReleasesTheirReferencesAcrossTheThreeTables() {
        MediaFilesRecord file = rows.file(1);
        PostMediaRecord media = rows.media(post, 0, file);
        VideosRecord video = rows.video(post, "777", file);
        subtitle(video, "en", file);
        assertThat(rows.referenceCount(file)).isEqualTo(3);

        db.deleteFrom(VIDEO_SUBTITLES).execute();
        assertThat(rows.referenceCount(file)).isEqualTo(2);
        db.deleteFrom(POST_MEDIA).where(POST_MEDIA.ID.eq(media.getId())).execute();
        assertThat(rows.referenceCount(file)).isEqualTo(1);
        db.deleteFrom(VIDEOS).where(VIDEOS.ID.eq(video.getId())).execute();
        assertThat(rows.referenceCount(file)).isZero();
    }

    @Test
    void deletingAPostReleasesWhatItsCascadedRowsHeld() {
        MediaFilesRecord file = rows.file(1);
        PostsRecord other = rows.post(db.fetchSingle(org.creatorarchiver.db.generated.Tables.SOURCES), "11");
        rows.media(post, 0, file);
        subtitle(rows.video(post, "777", file), "en", file);
        rows.media(other, 0, file);

        db.deleteFrom(POSTS).where(POSTS.ID.eq(post.getId())).execute();

        assertThat(rows.referenceCount(file)).isEqualTo(1);
    }

    @Test
    void aFileStillPointedAtCannotBeDeleted() {
        MediaFilesRecord file = rows.file(1);
        rows.media(post, 0, file);

        assertThatThrownBy(() -> db.deleteFrom(MEDIA_FILES)
                        .where(MEDIA_FILES.ID.eq(file.getId()))
                        .execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("post_media_media_file_id_fkey");
    }

    @Test
    void theCountCannotGoBelowZero() {
        MediaFilesRecord file = rows.file(1);

        assertThatThrownBy(() -> db.update(MEDIA_FILES)
                        .set(MEDIA_FILES.REFERENCE_COUNT, -1)
                        .where(MEDIA_FILES.ID.eq(file.getId()))
                        .execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("media_files_reference_count_not_negative");
    }

    @Test
    void concurrentWritersNeverMiscount() throws Exception {
        MediaFilesRecord file = rows.file(1);
        MediaFilesRecord other = rows.file(2);
        int writers = 6;
        int rowsPerWriter = 20;
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < rowsPerWriter; i++) {
                        int position = writer * rowsPerWriter + i;
                        db.transaction(tx -> {
                            tx.dsl()
                                    .insertInto(
                                            POST_MEDIA,
                                            POST_MEDIA.POST_ID,
                                            POST_MEDIA.POSITION,
                                            POST_MEDIA.KIND,
                                            POST_MEDIA.STATUS,
                                            POST_MEDIA.MEDIA_FILE_ID)
                                    .values(
                                            post.getId(),
                                            position,
                                            PostMediaKind.video,
                                            PostMediaStatus.downloaded,
                                            file.getId())
                                    .execute();
                            if (position % 3 == 0) {
                                tx.dsl()
                                        .update(POST_MEDIA)
                                        .set(POST_MEDIA.MEDIA_FILE_ID, other.getId())
                                        .where(POST_MEDIA.POST_ID.eq(post.getId()), POST_MEDIA.POSITION.eq(position))
                                        .execute();
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        }

        assertThat(rows.referenceCount(file))
                .isEqualTo(db.fetchCount(POST_MEDIA, POST_MEDIA.MEDIA_FILE_ID.eq(file.getId())))
                .isEqualTo(80);
        assertThat(rows.referenceCount(other))
                .isEqualTo(db.fetchCount(POST_MEDIA, POST_MEDIA.MEDIA_FILE_ID.eq(other.getId())))
                .isEqualTo(40);
    }

    private VideoSubtitlesRecord subtitle(VideosRecord video, String language, MediaFilesRecord file) {
        VideoSubtitlesRecord subtitle = db.newRecord(VIDEO_SUBTITLES);
        subtitle.setVideoId(video.getId());
        subtitle.setLanguage(language);
        subtitle.setAutoGenerated(false);
        subtitle.setMediaFileId(file.getId());
        subtitle.store();
        return subtitle;
    }
}
