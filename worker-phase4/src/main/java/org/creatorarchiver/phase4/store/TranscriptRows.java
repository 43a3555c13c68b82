package org.creatorarchiver.phase4.store;

import static org.creatorarchiver.db.generated.Tables.TRANSCRIPTS;

import java.math.BigDecimal;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.TranscriptSource;
import org.creatorarchiver.db.generated.enums.TranscriptStatus;
import org.creatorarchiver.db.generated.tables.records.TranscriptsRecord;
import org.creatorarchiver.phase4.text.TimedText;
import org.creatorarchiver.states.TranscriptStates;
import org.creatorarchiver.transcripts.TranscriptContent;
import org.jooq.DSLContext;

/** Phase 4's writes of a {@code transcripts} row, each a move of {@link TranscriptStates}. */
public final class TranscriptRows {

    /** How a transcript was made: its source, the model (empty for captions) and what its paid calls cost. */
    public record Made(TranscriptSource source, Optional<String> model, BigDecimal costUsd) {}

    private TranscriptRows() {}

    /** Marks the transcript {@code processing}, counted as an attempt; empty when it is done, skipped or gone. */
    public static Optional<TranscriptsRecord> takeUp(DSLContext dsl, long transcriptId) {
        return dsl.update(TRANSCRIPTS)
                .set(TranscriptStates.target(TranscriptStates.Move.TAKE_UP, TranscriptStatus.processing))
                .set(TRANSCRIPTS.ATTEMPTS, TRANSCRIPTS.ATTEMPTS.plus(1))
                .where(TRANSCRIPTS.ID.eq(transcriptId), TranscriptStates.leavable(TranscriptStates.Move.TAKE_UP))
                .returning()
                .fetchOptional();
    }

    public static TranscriptContent contentOf(TranscriptsRecord row) {
        return row.getMediaFileId() != null
                ? TranscriptContent.ofFile(row.getMediaFileId())
                : TranscriptContent.ofYouTube(row.getYoutubeId());
    }

    /** @return whether the row moved (false: another attempt finished it first) */
    public static boolean complete(DSLContext tx, long transcriptId, TimedText text, Made made) {
        return TranscriptStates.move(
                        tx,
                        TranscriptStates.Move.COMPLETE,
                        TRANSCRIPTS.ID.eq(transcriptId),
                        update -> update.set(TRANSCRIPTS.SOURCE, made.source())
                                .set(TRANSCRIPTS.LANGUAGE, text.language().orElse(null))
                                .set(TRANSCRIPTS.TEXT, text.text())
                                .set(TRANSCRIPTS.SEGMENTS, SegmentsJson.write(text.segments()))
                                .set(TRANSCRIPTS.DURATION_SECONDS, text.end())
                                .set(TRANSCRIPTS.MODEL, made.model().orElse(null))
                                .set(TRANSCRIPTS.COST_USD, made.costUsd())
                                .setNull(TRANSCRIPTS.LAST_ERROR))
                == 1;
    }

    /** Nothing may be sent for it: the reason is kept for {@code status} and the dashboard. */
    public static void skip(DSLContext dsl, long transcriptId, String reason) {
        TranscriptStates.move(
                dsl,
                TranscriptStates.Move.SKIP,
                TRANSCRIPTS.ID.eq(transcriptId),
                update -> update.set(TRANSCRIPTS.LAST_ERROR, reason));
    }

    public static void fail(DSLContext dsl, long transcriptId, String reason) {
        TranscriptStates.move(
                dsl,
                TranscriptStates.Move.FAIL,
                TRANSCRIPTS.ID.eq(transcriptId),
                update -> update.set(TRANSCRIPTS.LAST_ERROR, reason));
    }
}
