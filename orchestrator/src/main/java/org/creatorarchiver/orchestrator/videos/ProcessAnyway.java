package org.creatorarchiver.orchestrator.videos;

import static org.creatorarchiver.db.generated.Tables.POSTS;
import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.jobs.JobTypes;
import org.creatorarchiver.queue.JobQueue;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Lifts the duration limit once for one skipped video: marks it, puts it and its post_media row back to
 * {@code queued} and enqueues its post again, so phase 2 decides anew (without the limit) and enqueues the download.
 */
public final class ProcessAnyway {

    /**
     * The key phase 2 reads ({@code org.creatorarchiver.phase2.media.VideoMetadata.PROCESS_ANYWAY}); written as a
     * literal because the orchestrator does not depend on worker-phase2. Phase 2 removes it once the video is archived.
     */
    static final String PROCESS_ANYWAY_KEY = "process_anyway";

    private static final ObjectMapper JSON = new ObjectMapper();

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
            return dsl.transactionResult(configuration -> {
                DSLContext tx = configuration.dsl();
                VideosRecord video = tx.selectFrom(VIDEOS)
                        .where(VIDEOS.ID.eq(videoId))
                        .forUpdate()
                        .fetchOne();
                if (video == null) {
                    throw new RefusedException("no video with id " + videoId);
                }
                if (video.getStatus() != VideoStatus.skipped) {
                    throw new RefusedException("video " + videoId + " is "
                            + video.getStatus().getLiteral() + ", not skipped: nothing to process anyway");
                }
                ObjectNode extra = parse(video.getExtraMetadata());
                extra.put(PROCESS_ANYWAY_KEY, true);
                tx.update(VIDEOS)
                        .set(VIDEOS.STATUS, VideoStatus.queued)
                        .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(extra.toString()))
                        .where(VIDEOS.ID.eq(videoId))
                        .execute();
                int rows = tx.update(POST_MEDIA)
                        .set(POST_MEDIA.STATUS, PostMediaStatus.queued)
                        .where(
                                POST_MEDIA.POST_ID.eq(video.getPostId()),
                                POST_MEDIA.EXTERNAL_MEDIA_ID.eq(video.getExternalId()),
                                POST_MEDIA.STATUS.eq(PostMediaStatus.skipped))
                        .execute();
                tx.update(POSTS)
                        .set(POSTS.STATUS, PostStatus.queued)
                        .where(POSTS.ID.eq(video.getPostId()))
                        .execute();
                return new long[] {video.getPostId(), rows};
            });
        } catch (RuntimeException e) {
            if (e.getCause() instanceof RefusedException refused) {
                throw refused;
            }
            throw e;
        }
    }

    private static ObjectNode parse(JSONB json) {
        try {
            JsonNode node = json == null ? null : JSON.readTree(json.data());
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
