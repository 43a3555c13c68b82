package org.creatorarchiver.phase2.store;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.function.UnaryOperator;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.creatorarchiver.phase2.youtube.YouTubeEmbed;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.states.PostMediaStates;
import org.creatorarchiver.states.VideoStates;
import org.creatorarchiver.videos.DurationSkip;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media job's outcomes other than a stored file, each in one transaction: a video skipped for its duration, a
 * YouTube video kept as an embed, an item given up after its retries.
 */
public final class MediaOutcomes {

    private static final Logger log = LoggerFactory.getLogger(MediaOutcomes.class);

    private MediaOutcomes() {}

    /**
     * A video over its limit: skipped with the figures, its duration stored when none was, logged as
     * {@code video_skipped_duration_exceeded}; nothing of it is kept.
     */
    public static void skip(DSLContext dsl, VideosRecord video, long postMediaId, DurationSkip skip) {
        double seconds = skip.actualDurationSeconds().orElseThrow();
        Integer duration = video.getDurationSeconds() != null
                ? video.getDurationSeconds()
                : Integer.valueOf(DurationPolicy.wholeSeconds(seconds));
        JSONB metadata =
                VideoMetadata.parse(video.getExtraMetadata()).withSkip(skip).toJsonb();
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            VideoStates.move(
                    tx,
                    VideoStates.Move.SKIP_TOO_LONG,
                    VideoStatus.skipped,
                    VIDEOS.ID.eq(video.getId()),
                    u -> u.set(VIDEOS.DURATION_SECONDS, duration).set(VIDEOS.EXTRA_METADATA, metadata));
            PostMediaStates.move(
                    tx,
                    PostMediaStates.Move.SKIP_TOO_LONG,
                    PostMediaStatus.skipped,
                    POST_MEDIA.ID.eq(postMediaId),
                    UnaryOperator.identity());
        });
        log.warn(
                "video_skipped_duration_exceeded: video {} ({} {}) of post {} lasts {} s, over the limit of {} s",
                video.getId(),
                video.getProvider().getLiteral(),
                video.getExternalId(),
                video.getPostId(),
                seconds,
                skip.maxAllowedSeconds().orElseThrow());
    }

    /** A YouTube video playable in an embed stays one, with its player HTML. */
    public static void keepEmbed(DSLContext dsl, PostMediaRecord item, VideosRecord video, String postTitle) {
        JSONB metadata = VideoMetadata.parse(video.getExtraMetadata())
                .withEmbedHtml(YouTubeEmbed.html(video.getExternalId(), postTitle))
                .toJsonb();
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            PostMediaStates.move(
                    tx,
                    PostMediaStates.Move.KEEP_EMBED,
                    PostMediaStatus.embedded,
                    POST_MEDIA.ID.eq(item.getId()),
                    UnaryOperator.identity());
            VideoStates.move(
                    tx,
                    VideoStates.Move.KEEP_EMBED,
                    VideoStatus.embedded,
                    VIDEOS.ID.eq(video.getId()),
                    u -> u.set(VIDEOS.EXTRA_METADATA, metadata));
        });
    }

    /** The item (still queued) and its video (still waiting) are {@code failed} with the reason. */
    public static void giveUp(DSLContext dsl, long postMediaId, String reason) {
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            PostMediaRecord item = tx.selectFrom(POST_MEDIA)
                    .where(POST_MEDIA.ID.eq(postMediaId))
                    .fetchOne();
            int moved = PostMediaStates.move(
                    tx,
                    PostMediaStates.Move.GIVE_UP,
                    PostMediaStatus.failed,
                    POST_MEDIA.ID.eq(postMediaId),
                    u -> u.set(POST_MEDIA.LAST_ERROR, reason));
            if (moved == 0 || item.getExternalMediaId() == null) {
                return;
            }
            VideoStates.move(
                    tx,
                    VideoStates.Move.GIVE_UP,
                    VideoStatus.failed,
                    VIDEOS.POST_ID.eq(item.getPostId()).and(VIDEOS.EXTERNAL_ID.eq(item.getExternalMediaId())),
                    u -> u.set(VIDEOS.LAST_ERROR, reason));
        });
    }
}
