package org.creatorarchiver.phase1.duration;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
        Optional<PatreonVideo> video =
                post.video().filter(v -> v.durationSeconds().isPresent());
        if (video.isEmpty() || !policy.exceeds(video.get().durationSeconds().getAsDouble(), limitSeconds)) {
            return false;
        }
        double seconds = video.get().durationSeconds().getAsDouble();
        DurationSkip skip =
                DurationSkip.of(SkipReason.DURATION_EXCEEDED_AT_DISCOVERY, limitSeconds, seconds, clock.instant());
        if (upsertSkipped(tx, new Row(sourceId, postId, post, video.get().mediaId()), skip) > 0) {
            logSkip(post, video.get(), seconds, limitSeconds);
        }
        return true;
    }

    private static void logSkip(PostSummary post, PatreonVideo video, double seconds, int limitSeconds) {
        log.warn(
                "video_skipped_duration_exceeded_at_discovery: post {} media {} lasts {} s, over the limit of {} s ({})",
                post.externalId(),
                video.mediaId(),
                seconds,
                limitSeconds,
                video.durationField());
    }

    private record Row(long sourceId, long postId, PostSummary post, String mediaId) {}

    /** Inserts the video skipped, or moves it to skipped when {@link #MOVE} may: 0 rows when it may not. */
    private int upsertSkipped(DSLContext tx, Row row, DurationSkip skip) {
        JSONB metadata = VideoMetadata.ofSkip(skip).toJsonb();
        int whole = DurationPolicy.wholeSeconds(skip.actualDurationSeconds().orElseThrow());
        return tx.insertInto(VIDEOS)
                .set(newRow(row, whole, metadata))
                .onConflict(VIDEOS.POST_ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID)
                .doUpdate()
                .set(skippedAgain(whole, metadata))
                .where(VideoStates.leavable(MOVE), notMarkedProcessAnyway())
                .execute();
    }

    private static Map<Field<?>, Object> newRow(Row row, int wholeSeconds, JSONB metadata) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(VIDEOS.SOURCE_ID, row.sourceId());
        columns.put(VIDEOS.POST_ID, row.postId());
        columns.put(VIDEOS.PROVIDER, VideoProvider.patreon);
        columns.put(VIDEOS.EXTERNAL_ID, row.mediaId());
        columns.put(VIDEOS.URL, row.post().url());
        columns.put(VIDEOS.TITLE, row.post().title());
        columns.put(VIDEOS.DURATION_SECONDS, wholeSeconds);
        columns.putAll(VideoStates.assign(MOVE, Optional.empty(), VideoStatus.skipped));
        columns.put(VIDEOS.EXTRA_METADATA, metadata);
        return columns;
    }

    /** The update of an existing row: the skip's figures merged into what its metadata already holds. */
    private Map<Field<?>, Object> skippedAgain(int wholeSeconds, JSONB metadata) {
        var merged = DSL.field("{0} || {1}", JSONB.class, VIDEOS.EXTRA_METADATA, DSL.val(metadata));
        var columns = new LinkedHashMap<Field<?>, Object>(VideoStates.target(MOVE, VideoStatus.skipped));
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
