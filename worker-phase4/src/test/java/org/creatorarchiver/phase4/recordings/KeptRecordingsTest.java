package org.creatorarchiver.phase4.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creatorarchiver.db.generated.Tables.MEDIA_FILES;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.List;
import java.util.OptionalInt;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.testing.TestDatabase;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What keeps a transcript's content, read as phase 4 reads it before any paid call: only kept items count, and each
 * video brings its duration, its source's limit and its process-anyway mark.
 */
class KeptRecordingsTest {

    private static final int GLOBAL_LIMIT = 2159;

    private final DSLContext db = TestDatabase.migrated();
    private final KeptRecordings recordings = new KeptRecordings(db, new DurationPolicy(GLOBAL_LIMIT));

    private long source;
    private long strictSource;
    private long file;

    @BeforeEach
    void twoCreatorsOneWithItsOwnLimit() {
        TestDatabase.truncateAll();
        source = source("open", null);
        strictSource = source("strict", 600);
        file = db.insertInto(MEDIA_FILES, MEDIA_FILES.FILE_HASH, MEDIA_FILES.FILE_PATH, MEDIA_FILES.FILE_SIZE)
                .values("ab".repeat(32), "sha256/ab/ab/" + "ab".repeat(32) + ".mp4", 100L)
                .returning(MEDIA_FILES.ID)
                .fetchSingle(MEDIA_FILES.ID);
    }

    @Test
    void theSameFileInThreePostsIsKeptByEachCompletedVideoWithItsSourcesLimit() {
        video(post(source, "p1", false), "m1", VideoStatus.completed, 1200, "{}");
        video(post(strictSource, "p2", false), "m1", VideoStatus.completed, 1200, "{}");
        video(post(strictSource, "p3", false), "m1", VideoStatus.completed, 1200, "{\"processed_anyway\": true}");

        List<Recording> kept = recordings.of(TranscriptContent.ofFile(file));

        assertThat(kept).extracting(Recording::limitSeconds).containsExactly(GLOBAL_LIMIT, 600, 600);
        assertThat(kept).extracting(Recording::durationSeconds).containsOnly(OptionalInt.of(1200));
        assertThat(kept).extracting(Recording::knownTooLong).containsExactly(false, true, false);
    }

    @Test
    void skippedFailedViewOnPatreonAndLockedItemsNeverCount() {
        video(post(source, "p1", false), "m1", VideoStatus.skipped, 3000, "{}");
        video(post(source, "p2", false), "m2", VideoStatus.failed, null, "{}");
        video(post(source, "p3", false), "m3", VideoStatus.view_on_patreon, null, "{}");
        video(post(source, "p4", true), "m4", VideoStatus.completed, 100, "{}");
        audio(post(source, "p5", true), PostMediaStatus.downloaded);
        audio(post(source, "p6", false), PostMediaStatus.failed);

        assertThat(recordings.of(TranscriptContent.ofFile(file))).isEmpty();
    }

    @Test
    void aDownloadedAudioIsKeptAndNeverTooLong() {
        audio(post(source, "p1", false), PostMediaStatus.downloaded);

        List<Recording> kept = recordings.of(TranscriptContent.ofFile(file));

        assertThat(kept).containsExactly(Recording.audio());
        assertThat(kept.getFirst().allows(10 * 3600)).isTrue();
    }

    @Test
    void aYouTubeVideoIsKeptEmbeddedOrDownloadedAndAMarkedOneMayBeLong() {
        long embedded = youTube(post(source, "p1", false), VideoStatus.embedded, 4000, "{\"process_anyway\": true}");
        youTube(post(source, "p2", false), VideoStatus.skipped, 4000, "{}");

        List<Recording> kept = recordings.of(TranscriptContent.ofYouTube("dQw4w9WgXcQ"));

        assertThat(kept).singleElement().satisfies(recording -> {
            assertThat(recording.videoId()).contains(embedded);
            assertThat(recording.knownTooLong()).isFalse();
            assertThat(recording.allows(4000)).isTrue();
        });
    }

    private long source(String vanity, Integer limit) {
        return db.insertInto(SOURCES)
                .set(SOURCES.VANITY, vanity)
                .set(SOURCES.MAX_VIDEO_DURATION_SECONDS, limit)
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
    }

    private long post(long sourceId, String externalId, boolean locked) {
        return db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, sourceId)
                .set(POSTS.EXTERNAL_ID, externalId)
                .set(POSTS.IS_LOCKED, locked)
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }

    private long video(long postId, String mediaId, VideoStatus status, Integer seconds, String metadata) {
        return db.insertInto(VIDEOS)
                .set(
                        VIDEOS.SOURCE_ID,
                        db.select(POSTS.SOURCE_ID)
                                .from(POSTS)
                                .where(POSTS.ID.eq(postId))
                                .fetchSingle(POSTS.SOURCE_ID))
                .set(VIDEOS.POST_ID, postId)
                .set(VIDEOS.PROVIDER, VideoProvider.patreon)
                .set(VIDEOS.EXTERNAL_ID, mediaId)
                .set(VIDEOS.STATUS, status)
                .set(VIDEOS.DURATION_SECONDS, seconds)
                .set(VIDEOS.MEDIA_FILE_ID, status == VideoStatus.skipped ? null : file)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(metadata))
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    private long youTube(long postId, VideoStatus status, int seconds, String metadata) {
        return db.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, source)
                .set(VIDEOS.POST_ID, postId)
                .set(VIDEOS.PROVIDER, VideoProvider.youtube)
                .set(VIDEOS.EXTERNAL_ID, "dQw4w9WgXcQ")
                .set(VIDEOS.STATUS, status)
                .set(VIDEOS.DURATION_SECONDS, seconds)
                .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(metadata))
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    private void audio(long postId, PostMediaStatus status) {
        db.insertInto(POST_MEDIA)
                .set(POST_MEDIA.POST_ID, postId)
                .set(POST_MEDIA.POSITION, 0)
                .set(POST_MEDIA.KIND, PostMediaKind.audio)
                .set(POST_MEDIA.STATUS, status)
                .set(POST_MEDIA.MEDIA_FILE_ID, file)
                .execute();
    }
}
