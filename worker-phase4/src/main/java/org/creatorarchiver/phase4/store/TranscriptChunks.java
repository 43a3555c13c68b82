package org.creatorarchiver.phase4.store;

import static org.creatorarchiver.db.generated.Tables.TRANSCRIPT_CHUNKS;

import java.util.List;
import java.util.Optional;
import org.creatorarchiver.db.generated.tables.records.TranscriptChunksRecord;
import org.creatorarchiver.phase4.text.Segment;
import org.jooq.DSLContext;

/**
 * The transcription API's answers for a recording, one row per chunk, kept as they arrive: a job that dies halfway
 * resumes after the last one, and no answered chunk is paid for again.
 */
public final class TranscriptChunks {

    /**
     * @param start    where the chunk starts in the whole recording, seconds
     * @param end      where it ends
     * @param segments its speech, in the whole recording's times
     */
    public record Answered(int index, double start, double end, Optional<String> language, List<Segment> segments) {
        public Answered {
            segments = List.copyOf(segments);
        }
    }

    private TranscriptChunks() {}

    /** The chunks answered so far, in order. */
    public static List<Answered> answered(DSLContext dsl, long transcriptId) {
        return dsl.selectFrom(TRANSCRIPT_CHUNKS)
                .where(TRANSCRIPT_CHUNKS.TRANSCRIPT_ID.eq(transcriptId))
                .orderBy(TRANSCRIPT_CHUNKS.CHUNK_INDEX)
                .fetch(TranscriptChunks::answered);
    }

    /** Keeps one answer, in the transaction that also settles what it cost. */
    public static void save(DSLContext tx, long transcriptId, Answered chunk) {
        tx.insertInto(TRANSCRIPT_CHUNKS)
                .set(TRANSCRIPT_CHUNKS.TRANSCRIPT_ID, transcriptId)
                .set(TRANSCRIPT_CHUNKS.CHUNK_INDEX, chunk.index())
                .set(TRANSCRIPT_CHUNKS.START_SECONDS, chunk.start())
                .set(TRANSCRIPT_CHUNKS.END_SECONDS, chunk.end())
                .set(TRANSCRIPT_CHUNKS.LANGUAGE, chunk.language().orElse(null))
                .set(TRANSCRIPT_CHUNKS.SEGMENTS, SegmentsJson.write(chunk.segments()))
                .execute();
    }

    private static Answered answered(TranscriptChunksRecord row) {
        return new Answered(
                row.getChunkIndex(),
                row.getStartSeconds(),
                row.getEndSeconds(),
                Optional.ofNullable(row.getLanguage()),
                SegmentsJson.read(row.getSegments()));
    }
}
