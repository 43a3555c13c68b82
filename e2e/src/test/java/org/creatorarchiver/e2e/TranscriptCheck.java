package org.creatorarchiver.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.creatorarchiver.testing.openai.Endpoint;
import org.creatorarchiver.testing.openai.FakeOpenAi;
import org.creatorarchiver.testing.openai.OpenAiCall;
import org.jooq.DSLContext;

/**
 * What a user checks in the archive after phase 4 ran, against what the fake paid APIs saw: every transcript
 * complete over its whole recording, every chunk paid for and kept exactly once, one summary per transcript.
 */
final class TranscriptCheck {

    /** The longest pause allowed between two segments: chunks are cut back to back, so only rounding shows. */
    private static final double MAX_GAP_SECONDS = 0.1;

    private final DSLContext db;
    private final FakeOpenAi api;

    TranscriptCheck(DSLContext db, FakeOpenAi api) {
        this.db = db;
        this.api = api;
    }

    /** @param seconds each transcript's recording length */
    void assertCompleteAndCovering(Map<Long, Integer> seconds) {
        Map<Long, String> statuses = db.fetch("SELECT id, status::text FROM transcripts")
                .intoMap(record -> record.get(0, Long.class), record -> record.get(1, String.class));
        assertThat(statuses)
                .as("every transcript's status")
                .containsOnlyKeys(seconds.keySet())
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("completed"));
        seconds.forEach(this::assertCovering);
    }

    private void assertCovering(long transcript, int seconds) {
        List<Span> segments = segments(transcript);
        assertThat(segments.getFirst().start())
                .as("transcript %d starts", transcript)
                .isZero();
        assertThat(segments.getLast().end())
                .as("transcript %d ends", transcript)
                .isCloseTo(seconds, within(0.5));
        for (int i = 1; i < segments.size(); i++) {
            double end = segments.get(i - 1).end();
            assertThat(segments.get(i).start())
                    .as("transcript %d: segment %d starts where segment %d ended, at %.3f s", transcript, i, i - 1, end)
                    .isCloseTo(end, within(MAX_GAP_SECONDS));
        }
    }

    /** A segment's times in the whole recording. */
    private record Span(double start, double end) {}

    private List<Span> segments(long transcript) {
        return db.resultQuery("""
                        SELECT (segment->>'start')::float8, (segment->>'end')::float8
                        FROM transcripts, jsonb_array_elements(segments) WITH ORDINALITY AS s(segment, n)
                        WHERE id = ? ORDER BY n""", transcript)
                .fetch(row -> new Span(row.get(0, Double.class), row.get(1, Double.class)));
    }

    /**
     * Every chunk kept once and paid once: as many {@code transcript_chunks} rows per transcript as settled
     * transcription calls; those calls bill exactly the audio of the calls whose answer the fake delivered; no upload
     * delivered twice. Returns the number of chunks kept.
     */
    int assertEveryChunkKeptAndPaidOnce() {
        Map<Long, Integer> kept = countsBy("SELECT transcript_id, count(*)::int FROM transcript_chunks GROUP BY 1");
        assertThat(countsBy("""
                        SELECT transcript_id, count(*)::int FROM paid_calls
                        WHERE kind = 'transcription' AND settled_at IS NOT NULL GROUP BY 1"""))
                .as("settled transcription calls per transcript = chunks kept per transcript")
                .isEqualTo(kept);
        List<OpenAiCall> delivered = delivered(Endpoint.TRANSCRIPTIONS);
        assertThat(delivered).extracting(OpenAiCall::uploadSha256).doesNotHaveDuplicates();
        assertThat(settledAudioMillis())
                .as("the audio the archive paid for = the audio of the answers delivered")
                .containsExactlyInAnyOrderElementsOf(delivered.stream()
                        .map(call -> millis(call.audioSeconds()))
                        .toList());
        return kept.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One summary per transcript, each from one delivered chat call, settled once. */
    void assertOneSummaryEach(int transcripts) {
        assertThat(countsBy("SELECT transcript_id, count(*)::int FROM summaries GROUP BY 1"))
                .as("summaries per transcript")
                .hasSize(transcripts)
                .allSatisfy((transcript, count) -> assertThat(count).isOne());
        assertThat(delivered(Endpoint.CHAT)).as("chat answers delivered").hasSize(transcripts);
        assertThat(count("SELECT count(*) FROM paid_calls WHERE kind = 'summary' AND settled_at IS NOT NULL"))
                .as("settled summary calls")
                .isEqualTo(transcripts);
    }

    /** The transcription calls reserved and never settled: those whose answer never reached a worker. */
    int unsettledTranscriptionCalls() {
        return count("SELECT count(*) FROM paid_calls WHERE kind = 'transcription' AND settled_at IS NULL");
    }

    private List<OpenAiCall> delivered(Endpoint endpoint) {
        return api.paidCalls(endpoint).stream().filter(OpenAiCall::delivered).toList();
    }

    private List<Long> settledAudioMillis() {
        return db
                .fetch("SELECT audio_seconds FROM paid_calls WHERE kind = 'transcription' AND settled_at IS NOT NULL")
                .getValues(0, Double.class)
                .stream()
                .map(TranscriptCheck::millis)
                .toList();
    }

    private Map<Long, Integer> countsBy(String sql) {
        return db.fetch(sql).intoMap(record -> record.get(0, Long.class), record -> record.get(1, Integer.class));
    }

    private int count(String sql) {
        return db.fetchSingle(sql).get(0, Integer.class);
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }
}
