package org.creatorarchiver.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.SOURCES;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.function.UnaryOperator;
import org.creatorarchiver.db.generated.enums.PostMediaKind;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The owners' conditional updates on real rows: a row in a state the move does not leave is left alone. */
class ConditionalMovesTest {

    private DSLContext db;
    private long postId;

    @BeforeEach
    void oneSourceAndPost() {
        db = TestDatabase.migrated();
        TestDatabase.truncateAll();
        long sourceId = db.insertInto(SOURCES)
                .set(SOURCES.VANITY, "creator")
                .returning(SOURCES.ID)
                .fetchSingle(SOURCES.ID);
        postId = db.insertInto(POSTS)
                .set(POSTS.SOURCE_ID, sourceId)
                .set(POSTS.EXTERNAL_ID, "10")
                .returning(POSTS.ID)
                .fetchSingle(POSTS.ID);
    }

    @ParameterizedTest(name = "give up over a {0} video")
    @EnumSource(VideoStatus.class)
    void givingUpMovesOnlyAVideoStillWaiting(VideoStatus status) {
        long videoId = video(status);

        int moved = VideoStates.move(
                db, VideoStates.Move.GIVE_UP, VideoStatus.failed, VIDEOS.ID.eq(videoId), UnaryOperator.identity());

        boolean waiting = VideoStates.Move.GIVE_UP.from().contains(status);
        assertThat(moved).isEqualTo(waiting ? 1 : 0);
        assertThat(videoStatus(videoId)).isEqualTo(waiting ? VideoStatus.failed : status);
    }

    @ParameterizedTest(name = "process anyway over a {0} item")
    @EnumSource(PostMediaStatus.class)
    void processAnywayRequeuesOnlyASkippedItem(PostMediaStatus status) {
        long itemId = item(status);

        int moved = PostMediaStates.move(
                db,
                PostMediaStates.Move.PROCESS_ANYWAY,
                PostMediaStatus.queued,
                POST_MEDIA.ID.eq(itemId),
                UnaryOperator.identity());

        assertThat(moved).isEqualTo(status == PostMediaStatus.skipped ? 1 : 0);
        assertThat(db.select(POST_MEDIA.STATUS).from(POST_MEDIA).fetchSingle(POST_MEDIA.STATUS))
                .isEqualTo(status == PostMediaStatus.skipped ? PostMediaStatus.queued : status);
    }

    @Test
    void aDiscoverySkipLeavesAnArchivedVideoAlone() {
        long videoId = video(VideoStatus.completed);

        int moved = VideoStates.move(
                db,
                VideoStates.Move.SKIP_AT_DISCOVERY,
                VideoStatus.skipped,
                VIDEOS.ID.eq(videoId),
                UnaryOperator.identity());

        assertThat(moved).isZero();
        assertThat(videoStatus(videoId)).isEqualTo(VideoStatus.completed);
    }

    @Test
    void aMoveToAStateItDoesNotLeadToIsRefusedBeforeTheDatabase() {
        long videoId = video(VideoStatus.queued);

        assertThatThrownBy(() -> VideoStates.move(
                        db,
                        VideoStates.Move.GIVE_UP,
                        VideoStatus.completed,
                        VIDEOS.ID.eq(videoId),
                        UnaryOperator.identity()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("videos.status cannot move from any state to completed by GIVE_UP");
        assertThat(videoStatus(videoId)).isEqualTo(VideoStatus.queued);
    }

    @Test
    void enqueueingLeavesAPostPhaseTwoAlreadyTookUp() {
        db.update(POSTS).set(POSTS.STATUS, PostStatus.processing).execute();

        int moved = PostStates.move(
                db, PostStates.Move.ENQUEUE, PostStatus.queued, POSTS.ID.eq(postId), UnaryOperator.identity());

        assertThat(moved).isZero();
        assertThat(db.select(POSTS.STATUS).from(POSTS).fetchSingle(POSTS.STATUS))
                .isEqualTo(PostStatus.processing);
    }

    private long video(VideoStatus status) {
        return db.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, db.select(POSTS.SOURCE_ID).from(POSTS).fetchSingle(POSTS.SOURCE_ID))
                .set(VIDEOS.POST_ID, postId)
                .set(VIDEOS.PROVIDER, VideoProvider.patreon)
                .set(VIDEOS.EXTERNAL_ID, "777")
                .set(VIDEOS.STATUS, status)
                .returning(VIDEOS.ID)
                .fetchSingle(VIDEOS.ID);
    }

    private long item(PostMediaStatus status) {
        return db.insertInto(POST_MEDIA)
                .set(POST_MEDIA.POST_ID, postId)
                .set(POST_MEDIA.POSITION, 0)
                .set(POST_MEDIA.KIND, PostMediaKind.video)
                .set(POST_MEDIA.STATUS, status)
                .returning(POST_MEDIA.ID)
                .fetchSingle(POST_MEDIA.ID);
    }

    private VideoStatus videoStatus(long videoId) {
        return db.select(VIDEOS.STATUS)
                .from(VIDEOS)
                .where(VIDEOS.ID.eq(videoId))
                .fetchSingle(VIDEOS.STATUS);
    }
}
