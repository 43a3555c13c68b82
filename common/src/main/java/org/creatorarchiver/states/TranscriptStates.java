package org.creatorarchiver.states;

import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.tables.records.TranscriptsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetMoreStep;

/**
 * The owner of {@code transcripts.status} (docs/ARCHITECTURE.md "Life of a transcript"). A {@code completed}
 * transcript is final: no move leaves it, so nothing already paid for is ever sent again.
 */
public final class TranscriptStates {

    /** The moves of {@code transcripts.status}. */
    public enum Move implements StatusMove<TranscriptStatus> {
        /** A kept recording asks for its transcript (phase 2, reconcile): a new row waits for phase 4. */
        REQUEST(true, EnumSet.noneOf(TranscriptStatus.class), EnumSet.of(TranscriptStatus.pending)),
        /**
         * A recording kept again after its transcript was skipped or failed (a video processed anyway, a download
         * that finally came through, an operator's retry) asks once more.
         */
        REQUEST_AGAIN(
                false,
                EnumSet.of(TranscriptStatus.skipped, TranscriptStatus.failed),
                EnumSet.of(TranscriptStatus.pending)),
        /** Phase 4 takes the transcript up (an attempt); a job retried after a crash finds it {@code processing}. */
        TAKE_UP(
                false,
                EnumSet.of(TranscriptStatus.pending, TranscriptStatus.processing),
                EnumSet.of(TranscriptStatus.processing)),
        /** Captions or the transcription API gave the text. */
        COMPLETE(false, EnumSet.of(TranscriptStatus.processing), EnumSet.of(TranscriptStatus.completed)),
        /** Nothing may be sent: over the duration limit, no kept recording left, or an embed without captions. */
        SKIP(false, EnumSet.of(TranscriptStatus.processing), EnumSet.of(TranscriptStatus.skipped)),
        /** Phase 4 gave up (a wrong key, a file that cannot be read, retries exhausted). */
        FAIL(
                false,
                EnumSet.of(TranscriptStatus.pending, TranscriptStatus.processing),
                EnumSet.of(TranscriptStatus.failed));

        private final Rule<TranscriptStatus> rule;

        Move(boolean fromNew, Set<TranscriptStatus> from, Set<TranscriptStatus> to) {
            this.rule = new Rule<>(fromNew, from, to);
        }

        @Override
        public Rule<TranscriptStatus> rule() {
            return rule;
        }
    }

    public static final StatusColumn<TranscriptsRecord, TranscriptStatus> COLUMN =
            new StatusColumn<>(TRANSCRIPTS, TRANSCRIPTS.STATUS, TranscriptStatus.class, List.of(Move.values()));

    private TranscriptStates() {}

    /** A single-target move; see {@link StatusColumn#move}. */
    public static int move(
            DSLContext tx, Move move, Condition rows, UnaryOperator<UpdateSetMoreStep<TranscriptsRecord>> alsoSet) {
        return COLUMN.move(tx, move, move.target(), rows, alsoSet);
    }

    /** A single-target move that writes nothing else; see {@link StatusColumn#move}. */
    public static int move(DSLContext tx, Move move, Condition rows) {
        return COLUMN.move(tx, move, move.target(), rows, UnaryOperator.identity());
    }

    /** @see StatusColumn#assign */
    public static Map<Field<?>, Object> assign(Move move, Optional<TranscriptStatus> from, TranscriptStatus to) {
        return COLUMN.assign(move, from, to);
    }

    /** @see StatusColumn#target */
    public static Map<Field<?>, Object> target(Move move, TranscriptStatus to) {
        return COLUMN.target(move, to);
    }

    /** @see StatusColumn#leavable */
    public static Condition leavable(Move move) {
        return COLUMN.leavable(move);
    }
}
