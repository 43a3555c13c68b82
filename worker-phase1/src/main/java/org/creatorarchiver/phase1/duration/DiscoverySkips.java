package org.creatorarchiver.phase1.duration;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.VideoProvider;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.patreon.posts.PatreonVideo;
import org.creatorarchiver.patreon.posts.PostSummary;
import org.creatorarchiver.policy.DurationPolicy;
import org.creatorarchiver.policy.SkipReason;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duration check at discovery: a Patreon video whose listing already tells it is longer than the limit gets its
 * {@code videos} row as {@code skipped} right away, so phase 2 never downloads it. A video already archived, or one
 * an operator chose to process anyway, is left as it is.
 */
public final class DiscoverySkips {

    private static final Logger log = LoggerFactory.getLogger(DiscoverySkips.class);
    /** States a discovery-time skip may overwrite: nothing was downloaded or decided for good yet. */
    private static final VideoStatus[] UNDECIDED = {
        VideoStatus.pending, VideoStatus.queued, VideoStatus.view_on_patreon, VideoStatus.failed
    };

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
        JSONB metadata = JSONB.valueOf(DurationPolicy.skipMetadata(
                        SkipReason.DURATION_EXCEEDED_AT_DISCOVERY, limitSeconds, seconds, clock.instant())
                .toString());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int written = tx.insertInto(VIDEOS)
                .set(VIDEOS.SOURCE_ID, sourceId)
                .set(VIDEOS.POST_ID, postId)
                .set(VIDEOS.PROVIDER, VideoProvider.patreon)
                .set(VIDEOS.EXTERNAL_ID, video.get().mediaId())
                .set(VIDEOS.URL, post.url())
                .set(VIDEOS.TITLE, post.title())
                .set(VIDEOS.DURATION_SECONDS, DurationPolicy.wholeSeconds(seconds))
                .set(VIDEOS.STATUS, VideoStatus.skipped)
                .set(VIDEOS.EXTRA_METADATA, metadata)
                .onConflict(VIDEOS.POST_ID, VIDEOS.PROVIDER, VIDEOS.EXTERNAL_ID)
                .doUpdate()
                .set(VIDEOS.STATUS, VideoStatus.skipped)
                .set(VIDEOS.DURATION_SECONDS, DurationPolicy.wholeSeconds(seconds))
                .set(
                        VIDEOS.EXTRA_METADATA,
                        DSL.field("{0} || {1}", JSONB.class, VIDEOS.EXTRA_METADATA, DSL.val(metadata)))
                .set(VIDEOS.UPDATED_AT, now)
                .where(
                        VIDEOS.STATUS.in(UNDECIDED),
                        DSL.condition("{0} -> 'process_anyway' is null", VIDEOS.EXTRA_METADATA))
                .execute();
        if (written > 0) {
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
}
