package org.creatorarchiver.states;

import static org.creatorarchiver.db.generated.Tables.POSTS;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.creatorarchiver.db.generated.enums.PostStatus;
import org.creatorarchiver.db.generated.tables.records.PostsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;

/**
 * The owner of {@code posts.status}: every write of the column goes through here, and {@link Move} is its transition
 * table (docs/ARCHITECTURE.md "Life of a post"). A post may be listed, processed or requeued again at any time, so
 * most moves start from any state; only the move to {@code queued} after enqueueing waits for {@code discovered}.
 */
public final class PostStates {

    /** The moves of {@code posts.status}: where each may start (a new row included or not) and where it leads. */
    public enum Move implements StatusMove<PostStatus> {
        /** Phase 1 stores a new or changed post from the listing. */
        DISCOVER(true, EnumSet.allOf(PostStatus.class), EnumSet.of(PostStatus.discovered)),
        /** Phase 1 enqueued the post's job; a post phase 2 already took up keeps its newer status. */
        ENQUEUE(false, EnumSet.of(PostStatus.discovered), EnumSet.of(PostStatus.queued)),
        /** Phase 2 takes the post up (an attempt). */
        TAKE_UP(false, EnumSet.allOf(PostStatus.class), EnumSet.of(PostStatus.processing)),
        /** Phase 2 recorded the post's details and media decisions. */
        COMPLETE(false, EnumSet.allOf(PostStatus.class), EnumSet.of(PostStatus.completed)),
        /** Phase 2 gave up on the post. */
        FAIL(false, EnumSet.allOf(PostStatus.class), EnumSet.of(PostStatus.failed)),
        /** {@code orchestrator process-anyway}: the post of a skipped video is processed again. */
        PROCESS_ANYWAY(false, EnumSet.allOf(PostStatus.class), EnumSet.of(PostStatus.queued));

        private final Rule<PostStatus> rule;

        Move(boolean fromNew, Set<PostStatus> from, Set<PostStatus> to) {
            this.rule = new Rule<>(fromNew, from, to);
        }

        @Override
        public Rule<PostStatus> rule() {
            return rule;
        }
    }

    public static final StatusColumn<PostsRecord, PostStatus> COLUMN =
            new StatusColumn<>(POSTS, POSTS.STATUS, PostStatus.class, List.of(Move.values()));

    private PostStates() {}

    /** @see StatusColumn#move */
    public static int move(
            DSLContext tx,
            Move move,
            PostStatus to,
            Condition rows,
            UnaryOperator<UpdateSetMoreStep<PostsRecord>> alsoSet) {
        return COLUMN.move(tx, move, to, rows, alsoSet);
    }

    /** A single-target move that writes nothing else; see {@link StatusColumn#move}. */
    public static int move(DSLContext tx, Move move, Condition rows) {
        return COLUMN.move(tx, move, move.target(), rows, UnaryOperator.identity());
    }

    /** A single-target move; see {@link StatusColumn#move}. */
    public static int move(
            DSLContext tx, Move move, Condition rows, UnaryOperator<UpdateSetMoreStep<PostsRecord>> alsoSet) {
        return COLUMN.move(tx, move, move.target(), rows, alsoSet);
    }

    /** @see StatusColumn#assign */
    public static Map<Field<?>, Object> assign(Move move, Optional<PostStatus> from, PostStatus to) {
        return COLUMN.assign(move, from, to);
    }

    /** @see StatusColumn#target */
    public static Map<Field<?>, Object> target(Move move, PostStatus to) {
        return COLUMN.target(move, to);
    }

    /** @see StatusColumn#leavable */
    public static Condition leavable(Move move) {
        return COLUMN.leavable(move);
    }
}
