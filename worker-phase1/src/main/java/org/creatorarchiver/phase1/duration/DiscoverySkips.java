package org.creatorarchiver.phase1.duration;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.patreon.posts.PatreonVideo;
import org.creatorarchiver.patreon.posts.PostSummary;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.policy.SkipReason;
import org.creatorarchiver.states.VideoStates;
import org.creatorarchiver.videos.DurationSkip;
import org.creatorarchiver.videos.VideoMetadata;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duration check at discovery: a Patreon video whose listing already tells it is longer than the limit gets its
 * {@code videos} row as {@code skipped} right away, so phase 2 never downloads it. A video already archived or decided
 * for good ({@link VideoStates.Move#SKIP_AT_DISCOVERY}), or one an operator chose to process anyway, is left as it is.
 */
public final class DiscoverySkips {

    private static final Logger log = LoggerFactory.getLogger(DiscoverySkips.class);
    private static final VideoStates.Move MOVE = VideoStates.Move.SKIP_AT_DISCOVERY;

    private final DurationPolicy policy;
    private final Clock clock;

    public DiscoverySkips(DurationPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Records the post's video as skipped when its known duration is over {@code limitSeconds}.
     *
     * @return whether it was over the limit
     */
    public boolean check(DSLContext tx, long sourceId, long postId, PostSummary post, int limitSeconds) {
        Optional<PatreonVideo> video = post.video();
        if (video.isEmpty() || video.get().durationSeconds().isEmpty()) {
            return false;
        }
        double seconds = video.get().durationSeconds().getAsDouble();
        if (!policy.exceeds(seconds, limitSeconds)) {
            return false;
        }
        DurationSkip skip =
                DurationSkip.of(SkipReason.DURATION_EXCEEDED_AT_DISCOVERY, limitSeconds, seconds, clock.instant());
        if (upsertSkipped(tx, new Row(sourceId, postId, post, video.get().mediaId()), skip) > 0) {
            log.warn(
                    "video_skipped_duration_exceeded_at_discovery: post {} media {} lasts {} s, over the limit of {} s"
                            + " ({})",
                    post.externalId(),
                    video.get().mediaId(),
                    seconds,
                    limitSeconds,
                    video.get().durationField());
        }
        return true;
    }

    private record Row(long sourceId, long postId, PostSummary post, String mediaId) {}

    /** Inserts the video skipped, or moves it to skipped when {@link #MOVE} may: 0 rows when it may not. */
    private int upsertSkipped(DSLContext tx, Row row, DurationSkip skip) {
        JSONB metadata = VideoMetadata.ofSkip(skip).toJsonb();
        int whole = DurationPolicy.wholeSeconds(skip.actualDurationSeconds().orElseThrow());
        return tx.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, row.sourceId())
                .set(VIDEOS.POST_ID, row.postId())
                .set(VIDEOS.PROVIDER, VideoProvider.patreon)
                .set(VIDEOS.EXTERNAL_ID, row.mediaId())
                .set(VIDEOS.URL, row.post().url())
                .set(VIDEOS.TITLE, row.post().title())
                .set(VIDEOS.DURATION_SECONDS, whole)
                .set(VideoStates.assign(MOVE, Optional.empty(), VideoStatus.skipped))
                .set(VIDEOS.EXTRA_METADATA, metadata)
                .onConflict(VIDEOS.POST_ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID)
                .doUpdate()
                .set(skippedAgain(whole, metadata))
                .where(VideoStates.leavable(MOVE), notMarkedProcessAnyway())
                .execute();
    }

    /** The update of an existing row: the skip's figures merged into what its metadata already holds. */
    private Map<Field<?>, Object> skippedAgain(int wholeSeconds, JSONB metadata) {
        var merged = DSL.field("{0} || {1}", JSONB.class, VIDEOS.EXTRA_METADATA, DSL.val(metadata));
        var columns = new java.util.HashMap<Field<?>, Object>(VideoStates.target(MOVE, VideoStatus.skipped));
        columns.put(VIDEOS.DURATION_SECONDS, wholeSeconds);
        columns.put(VIDEOS.EXTRA_METADATA, merged);
        columns.put(VIDEOS.UPDATED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return columns;
    }

    private static Condition notMarkedProcessAnyway() {
        return DSL.jsonbGetAttribute(VIDEOS.EXTRA_METADATA, DSL.inline(VideoMetadata.PROCESS_ANYWAY))
                .isNull();
    }
}
