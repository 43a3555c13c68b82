package org.creatorarchiver.orchestrator.videos;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobQueue;
import org.creatorarchiver.states.PostMediaStates;
import org.creatorarchiver.states.PostStates;
import org.creatorarchiver.states.VideoStates;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Lifts the duration limit once for one skipped video: marks it, puts it and its post_media row back to
 * {@code queued} and enqueues its post again, so phase 2 decides anew (without the limit) and enqueues the download.
 */
public final class ProcessAnyway {

    /** Why a video cannot be processed anyway (unknown, or not skipped): the message names it. */
    public static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    /** What was done: the video, its post, how many post_media rows went back to queued, the job enqueued. */
    public record Outcome(long videoId, long postId, int postMediaRequeued, String jobId) {}

    private final DSLContext dsl;
    private final JobQueue queue;

    public ProcessAnyway(DSLContext dsl, JobQueue queue) {
        this.dsl = dsl;
        this.queue = queue;
    }

    public Outcome apply(long videoId) throws RefusedException {
        long[] postAndRows = requeue(videoId);
        // After the commit, so the worker reads the queued rows; a job that is lost here is restored by reconcile
        // (the post is queued).
        String jobId = queue.enqueue(JobTypes.PROCESS_POST, new JobTypes.ProcessPost(postAndRows[0]));
        return new Outcome(videoId, postAndRows[0], (int) postAndRows[1], jobId);
    }

    /** In one transaction: {post id, post_media rows requeued}. */
    private long[] requeue(long videoId) throws RefusedException {
        try {
            return dsl.transactionResult(
                    configuration -> requeue(configuration.dsl(), skippedVideo(configuration.dsl(), videoId)));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof RefusedException refused) {
                throw refused;
            }
            throw e;
        }
    }

    /** The video, locked, when it may be processed anyway (it is skipped). */
    private static VideosRecord skippedVideo(DSLContext tx, long videoId) throws RefusedException {
        VideosRecord video =
                tx.selectFrom(VIDEOS).where(VIDEOS.ID.eq(videoId)).forUpdate().fetchOne();
        if (video == null) {
            throw new RefusedException("no video with id " + videoId);
        }
        if (!VideoStates.Move.PROCESS_ANYWAY.from().contains(video.getStatus())) {
            throw new RefusedException("video " + videoId + " is "
                    + video.getStatus().getLiteral() + ", not skipped: nothing to process anyway");
        }
        return video;
    }

    /** Marks the video, and puts it, its skipped post_media row and its post back to {@code queued}. */
    private static long[] requeue(DSLContext tx, VideosRecord video) {
        JSONB marked = VideoMetadata.parse(video.getExtraMetadata())
                .withProcessAnyway()
                .toJsonb();
        VideoStates.move(
                tx,
                VideoStates.Move.PROCESS_ANYWAY,
                VIDEOS.ID.eq(video.getId()),
                update -> update.set(VIDEOS.EXTRA_METADATA, marked));
        Condition itemsOfVideo =
                POST_MEDIA.POST_ID.eq(video.getPostId()).and(POST_MEDIA.EXTERNAL_MEDIA_ID.eq(video.getExternalId()));
        int rows = PostMediaStates.move(tx, PostMediaStates.Move.PROCESS_ANYWAY, itemsOfVideo);
        PostStates.move(tx, PostStates.Move.PROCESS_ANYWAY, POSTS.ID.eq(video.getPostId()));
        return new long[] {video.getPostId(), rows};
    }
}
