package org.creatorarchiver.states;

import static org.creatorarchiver.db.generated.Tables.POST_MEDIA;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.creatorarchiver.db.generated.enums.PostMediaStatus;
import org.creatorarchiver.db.generated.tables.records.PostMediaRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;

/**
 * The owner of {@code post_media.status}: every write of the column goes through here, and {@link Move} is its
 * transition table (docs/ARCHITECTURE.md "Life of a media item and of a video"). Processing a post again decides
 * anew, so a decision may start from any state; the media job only moves an item that is still {@code queued}.
 */
public final class PostMediaStates {

    /** The moves of {@code post_media.status}: where each may start (a new row included or not) and where it leads. */
    public enum Move implements StatusMove<PostMediaStatus> {
        /** Phase 2 writes a post's decision; an item linked to an archived file is {@code downloaded}. */
        DECIDE(
                true,
                EnumSet.allOf(PostMediaStatus.class),
                EnumSet.of(
                        PostMediaStatus.url_only,
                        PostMediaStatus.queued,
                        PostMediaStatus.view_on_patreon,
                        PostMediaStatus.embedded,
                        PostMediaStatus.skipped,
                        PostMediaStatus.downloaded)),
        /** The media job stored the item's file. */
        ARCHIVE(false, EnumSet.of(PostMediaStatus.queued), EnumSet.of(PostMediaStatus.downloaded)),
        /** The media job finds the video too long, before or after downloading. */
        SKIP_TOO_LONG(false, EnumSet.allOf(PostMediaStatus.class), EnumSet.of(PostMediaStatus.skipped)),
        /** The media job finds a YouTube video playable in an embed ({@code download_if_embed_fails}). */
        KEEP_EMBED(false, EnumSet.of(PostMediaStatus.queued), EnumSet.of(PostMediaStatus.embedded)),
        /** The media job gave up after its retries. */
        GIVE_UP(false, EnumSet.of(PostMediaStatus.queued), EnumSet.of(PostMediaStatus.failed)),
        /** {@code orchestrator process-anyway}: the skipped item of the video is queued again. */
        PROCESS_ANYWAY(false, EnumSet.of(PostMediaStatus.skipped), EnumSet.of(PostMediaStatus.queued));

        private final Rule<PostMediaStatus> rule;

        Move(boolean fromNew, Set<PostMediaStatus> from, Set<PostMediaStatus> to) {
            this.rule = new Rule<>(fromNew, from, to);
        }

        @Override
        public Rule<PostMediaStatus> rule() {
            return rule;
        }
    }

    public static final StatusColumn<PostMediaRecord, PostMediaStatus> COLUMN =
            new StatusColumn<>(POST_MEDIA, POST_MEDIA.STATUS, PostMediaStatus.class, List.of(Move.values()));

    private PostMediaStates() {}

    /** @see StatusColumn#move */
    public static int move(
            DSLContext tx,
            Move move,
            PostMediaStatus to,
            Condition rows,
            UnaryOperator<UpdateSetMoreStep<PostMediaRecord>> alsoSet) {
        return COLUMN.move(tx, move, to, rows, alsoSet);
    }

    /** A single-target move that writes nothing else; see {@link StatusColumn#move}. */
    public static int move(DSLContext tx, Move move, Condition rows) {
        return COLUMN.move(tx, move, move.target(), rows, UnaryOperator.identity());
    }

    /** A single-target move; see {@link StatusColumn#move}. */
    public static int move(
            DSLContext tx, Move move, Condition rows, UnaryOperator<UpdateSetMoreStep<PostMediaRecord>> alsoSet) {
        return COLUMN.move(tx, move, move.target(), rows, alsoSet);
    }

    /** @see StatusColumn#assign */
    public static Map<Field<?>, Object> assign(Move move, Optional<PostMediaStatus> from, PostMediaStatus to) {
        return COLUMN.assign(move, from, to);
    }

    /** @see StatusColumn#target */
    public static Map<Field<?>, Object> target(Move move, PostMediaStatus to) {
        return COLUMN.target(move, to);
    }

    /** @see StatusColumn#leavable */
    public static Condition leavable(Move move) {
        return COLUMN.leavable(move);
    }
}
