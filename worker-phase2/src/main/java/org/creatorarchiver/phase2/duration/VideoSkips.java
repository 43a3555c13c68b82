package org.creatorarchiver.phase2.duration;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.phase2.media.VideoMetadata;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.policy.SkipReason;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duration policy right before (or, when no duration was known, right after) a video is downloaded: a video
 * over its source's limit is recorded as skipped with the figures, logged as {@code video_skipped_duration_exceeded},
 * and nothing of it is kept.
 */
public final class VideoSkips {

    private static final Logger log = LoggerFactory.getLogger(VideoSkips.class);

    private final DurationPolicy policy;
    private final Clock clock;

    public VideoSkips(DurationPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public DurationPolicy policy() {
        return policy;
    }

    /** Whether the video must be skipped: over the limit and not marked "process anyway". */
    public boolean tooLong(VideosRecord video, double seconds, int limitSeconds) {
        return policy.exceeds(seconds, limitSeconds) && !VideoMetadata.processAnyway(video.getExtraMetadata());
    }

    public void skip(DSLContext dsl, VideosRecord video, long postMediaId, double seconds, int limitSeconds) {
        ObjectNode extra = VideoMetadata.parse(video.getExtraMetadata());
        extra.setAll(DurationPolicy.skipMetadata(SkipReason.DURATION_EXCEEDED, limitSeconds, seconds, clock.instant()));
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.update(VIDEOS)
                    .set(VIDEOS.STATUS, VideoStatus.skipped)
                    .set(
                            VIDEOS.DURATION_SECONDS,
                            video.getDurationSeconds() != null
                                    ? video.getDurationSeconds()
                                    : Integer.valueOf(DurationPolicy.wholeSeconds(seconds)))
                    .set(VIDEOS.EXTRA_METADATA, JSONB.valueOf(extra.toString()))
                    .where(VIDEOS.ID.eq(video.getId()))
                    .execute();
            tx.update(POST_MEDIA)
                    .set(POST_MEDIA.STATUS, PostMediaStatus.skipped)
                    .where(POST_MEDIA.ID.eq(postMediaId))
                    .execute();
        });
        log.warn(
                "video_skipped_duration_exceeded: video {} ({} {}) of post {} lasts {} s, over the limit of {} s",
                video.getId(),
                video.getProvider().getLiteral(),
                video.getExternalId(),
                video.getPostId(),
                seconds,
                limitSeconds);
    }
}
