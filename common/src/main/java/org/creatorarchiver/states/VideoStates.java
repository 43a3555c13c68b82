package org.creatorarchiver.states;

import static org.creatorarchiver.db.generated.Tables.VIDEOS;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.creatorarchiver.db.generated.enums.VideoStatus;
import org.creatorarchiver.db.generated.tables.records.VideosRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;

/**
 * The owner of {@code videos.status}: every write of the column goes through here, and {@link Move} is its
 * transition table (docs/ARCHITECTURE.md "Life of a media item and of a video"). {@code pending} (the column's
 * default) and {@code processing} are states no move leads to: a video goes from its decision straight to
 * {@code queued} and stays there while it downloads; a row found in either may still move on.
 */
public final class VideoStates {

    /** The moves of {@code videos.status}: where each may start (a new row included or not) and where it leads. */
    public enum Move implements StatusMove<VideoStatus> {
        /** Phase 2 writes a post's decision (an archived file is kept: {@code completed}). */
        DECIDE(
                true,
                EnumSet.allOf(VideoStatus.class),
                EnumSet.of(
                        VideoStatus.queued,
                        VideoStatus.embedded,
                        VideoStatus.view_on_patreon,
                        VideoStatus.skipped,
                        VideoStatus.completed)),
        /** Phase 1 finds a listed video too long: only over a video nothing was archived or decided for good. */
        SKIP_AT_DISCOVERY(
                true,
                EnumSet.of(VideoStatus.pending, VideoStatus.queued, VideoStatus.view_on_patreon, VideoStatus.failed),
                EnumSet.of(VideoStatus.skipped)),
        /** The media job finds the video too long, before or after downloading. */
        SKIP_TOO_LONG(false, EnumSet.allOf(VideoStatus.class), EnumSet.of(VideoStatus.skipped)),
        /** The media job finds a YouTube video playable in an embed ({@code download_if_embed_fails}). */
        KEEP_EMBED(false, EnumSet.allOf(VideoStatus.class), EnumSet.of(VideoStatus.embedded)),
        /** The media job stored the video's file (its {@code post_media} row took it in the same transaction). */
        ARCHIVE(false, EnumSet.allOf(VideoStatus.class), EnumSet.of(VideoStatus.completed)),
        /** The media job gave up after its retries. */
        GIVE_UP(
                false,
                EnumSet.of(VideoStatus.pending, VideoStatus.queued, VideoStatus.processing),
                EnumSet.of(VideoStatus.failed)),
        /** {@code orchestrator process-anyway}: a skipped video is queued again, its limit lifted once. */
        PROCESS_ANYWAY(false, EnumSet.of(VideoStatus.skipped), EnumSet.of(VideoStatus.queued));

        private final Rule<VideoStatus> rule;

        Move(boolean fromNew, Set<VideoStatus> from, Set<VideoStatus> to) {
            this.rule = new Rule<>(fromNew, from, to);
        }

        @Override
        public Rule<VideoStatus> rule() {
            return rule;
        }
    }

    public static final StatusColumn<VideosRecord, VideoStatus> COLUMN =
            new StatusColumn<>(VIDEOS, VIDEOS.STATUS, VideoStatus.class, List.of(Move.values()));

    private VideoStates() {}

    /** @see StatusColumn#move */
    public static int move(
            DSLContext tx,
            Move move,
            VideoStatus to,
            Condition rows,
            UnaryOperator<UpdateSetMoreStep<VideosRecord>> alsoSet) {
        return COLUMN.move(tx, move, to, rows, alsoSet);
    }

    /** A single-target move that writes nothing else; see {@link StatusColumn#move}. */
    public static int move(DSLContext tx, Move move, Condition rows) {
        return COLUMN.move(tx, move, move.target(), rows, UnaryOperator.identity());
    }

    /** A single-target move; see {@link StatusColumn#move}. */
    public static int move(
            DSLContext tx, Move move, Condition rows, UnaryOperator<UpdateSetMoreStep<VideosRecord>> alsoSet) {
        return COLUMN.move(tx, move, move.target(), rows, alsoSet);
    }

    /** @see StatusColumn#assign */
    public static Map<Field<?>, Object> assign(Move move, Optional<VideoStatus> from, VideoStatus to) {
        return COLUMN.assign(move, from, to);
    }

    /** @see StatusColumn#target */
    public static Map<Field<?>, Object> target(Move move, VideoStatus to) {
        return COLUMN.target(move, to);
    }

    /** @see StatusColumn#leavable */
    public static Condition leavable(Move move) {
        return COLUMN.leavable(move);
    }
}
