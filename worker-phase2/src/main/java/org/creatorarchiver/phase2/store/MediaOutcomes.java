package org.creatorarchiver.phase2.store;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;
import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.Optional;
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
        int duration = Optional.ofNullable(video.getDurationSeconds()).orElse(DurationPolicy.wholeSeconds(seconds));
        JSONB metadata =
                VideoMetadata.parse(video.getExtraMetadata()).withSkip(skip).toJsonb();
        dsl.transaction(configuration -> skipRows(configuration.dsl(), video.getId(), postMediaId, duration, metadata));
        log.warn(
                "video_skipped_duration_exceeded: {} lasts {} s, over the limit of {} s",
                named(video, video.getPostId()),
                seconds,
                skip.maxAllowedSeconds().orElseThrow());
    }

    private static void skipRows(DSLContext tx, long videoId, long postMediaId, int durationSeconds, JSONB metadata) {
        VideoStates.move(
                tx,
                VideoStates.Move.SKIP_TOO_LONG,
                VIDEOS.ID.eq(videoId),
                update -> update.set(VIDEOS.DURATION_SECONDS, durationSeconds).set(VIDEOS.EXTRA_METADATA, metadata));
        PostMediaStates.move(tx, PostMediaStates.Move.SKIP_TOO_LONG, POST_MEDIA.ID.eq(postMediaId));
    }

    /** A YouTube video playable in an embed stays one, with its player HTML. */
    public static void keepEmbed(DSLContext dsl, PostMediaRecord item, VideosRecord video, String postTitle) {
        String html = YouTubeEmbed.html(video.getExternalId(), postTitle);
        JSONB metadata = VideoMetadata.parse(video.getExtraMetadata())
                .withEmbedHtml(html)
                .toJsonb();
        dsl.transaction(configuration -> {
            PostMediaStates.move(configuration.dsl(), PostMediaStates.Move.KEEP_EMBED, POST_MEDIA.ID.eq(item.getId()));
            VideoStates.move(
                    configuration.dsl(),
                    VideoStates.Move.KEEP_EMBED,
                    VIDEOS.ID.eq(video.getId()),
                    u -> u.set(VIDEOS.EXTRA_METADATA, metadata));
        });
    }

    /** The item (still queued) and its video (still waiting) are {@code failed} with the reason. */
    public static void giveUp(DSLContext dsl, long postMediaId, String reason) {
        dsl.transaction(configuration -> giveUpRows(configuration.dsl(), postMediaId, reason));
    }

    private static void giveUpRows(DSLContext tx, long postMediaId, String reason) {
        PostMediaRecord item =
                tx.selectFrom(POST_MEDIA).where(POST_MEDIA.ID.eq(postMediaId)).fetchOne();
        int moved = PostMediaStates.move(
                tx,
                PostMediaStates.Move.GIVE_UP,
                POST_MEDIA.ID.eq(postMediaId),
                update -> update.set(POST_MEDIA.LAST_ERROR, reason));
        if (moved == 1 && item.getExternalMediaId() != null) {
            var sameVideo = VIDEOS.POST_ID.eq(item.getPostId()).and(VIDEOS.EXTERNAL_ID.eq(item.getExternalMediaId()));
            VideoStates.move(tx, VideoStates.Move.GIVE_UP, sameVideo, update -> update.set(VIDEOS.LAST_ERROR, reason));
        }
    }

    /** "video 12 (youtube abc) of post 34", as the media job's log lines name a video. */
    public static String named(VideosRecord video, Object post) {
        return "video " + video.getId() + " (" + video.getProvider().getLiteral() + " " + video.getExternalId()
                + ") of post " + post;
    }
}
