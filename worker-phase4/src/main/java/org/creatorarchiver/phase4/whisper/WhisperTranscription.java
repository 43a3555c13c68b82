package org.creatorarchiver.phase4.whisper;

import static org.creatorarchiver.db.generated.Tables.PAID_CALLS;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creatorarchiver.config.Settings;
import org.creatorarchiver.db.generated.enums.PaidCallKind;
import org.creatorarchiver.phase4.api.AudioTooLargeException;
import org.creatorarchiver.phase4.api.TranscribedChunk;
import org.creatorarchiver.phase4.api.TranscriptionApi;
import org.creatorarchiver.phase4.audio.AudioChunks;
import org.creatorarchiver.phase4.audio.AudioPreparation;
import org.creatorarchiver.phase4.audio.Chunk;
import org.creatorarchiver.phase4.audio.ChunkLimits;
import org.creatorarchiver.phase4.audio.ChunkPlan;
import org.creatorarchiver.phase4.audio.ChunkTooLargeException;
import org.creatorarchiver.phase4.audio.PreparedAudio;
import org.creatorarchiver.phase4.budget.DailyBudget;
import org.creatorarchiver.phase4.budget.PaidCall;
import org.creatorarchiver.phase4.budget.Usage;
import org.creatorarchiver.phase4.recordings.Recording;
import org.creatorarchiver.phase4.store.TranscriptChunks;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.phase4.text.TimedText;
import org.creatorarchiver.queue.JobFailure;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The paid path of a transcript: the stored file's audio, prepared once, sent chunk by chunk to the transcription
 * API. Each answer is kept with what it cost as it arrives ({@link TranscriptChunks}), so a job that dies halfway
 * resumes after the last answered chunk. A chunk the API finds too large (413) is planned again, smaller.
 */
public final class WhisperTranscription {

    /** The text of every chunk, in the whole recording's times, and what all of its calls cost. */
    public record Whispered(TimedText text, BigDecimal costUsd) {}

    private final DSLContext dsl;
    private final AudioPreparation preparation;
    private final AudioChunks chunks;
    private final TranscriptionApi api;
    private final DailyBudget budget;
    private final Settings.Transcription settings;

    public WhisperTranscription(
            DSLContext dsl,
            AudioPreparation preparation,
            AudioChunks chunks,
            TranscriptionApi api,
            DailyBudget budget,
            Settings.Transcription settings) {
        this.dsl = dsl;
        this.preparation = preparation;
        this.chunks = chunks;
        this.api = api;
        this.budget = budget;
        this.settings = settings;
    }

    /** The model the transcripts name. */
    public String model() {
        return settings.model();
    }

    /**
     * @param kept the recordings that keep the file: the measured duration is checked against their limits again
     * @throws NotTranscribed when the measured recording is over every limit
     */
    public Whispered transcribe(long transcriptId, Path storedFile, Collection<Recording> kept, Path workDir)
            throws Exception {
        PreparedAudio audio = preparation.prepare(storedFile, workDir);
        requireAllowed(audio, kept);
        ChunkPlan plan = remaining(transcriptId, audio);
        Deque<Chunk> waiting = new ArrayDeque<>(plan.chunks());
        while (!waiting.isEmpty()) {
            Chunk chunk = waiting.removeFirst();
            try {
                send(transcriptId, audio, chunk, workDir);
            } catch (AudioTooLargeException | ChunkTooLargeException tooLarge) {
                plan = smallerFrom(plan, chunk, tooLarge);
                waiting = new ArrayDeque<>(plan.chunks());
            }
        }
        return new Whispered(stitched(transcriptId), cost(transcriptId));
    }

    /** The duration policy again, on the measured recording: a duration the archive did not know may be too long. */
    private static void requireAllowed(PreparedAudio audio, Collection<Recording> kept) throws NotTranscribed {
        if (kept.stream().noneMatch(recording -> recording.allows(audio.durationSeconds()))) {
            throw new NotTranscribed("the recording lasts " + Math.round(audio.durationSeconds())
                    + " s, over its duration limit, and was not marked process-anyway: nothing is sent");
        }
    }

    /** The plan for what is not answered yet: all of it, or from the end of the last chunk kept. */
    private ChunkPlan remaining(long transcriptId, PreparedAudio audio) {
        ChunkPlan whole = ChunkPlan.of(audio, ChunkLimits.ofSeconds(settings.chunkSeconds()));
        List<TranscriptChunks.Answered> answered = TranscriptChunks.answered(dsl, transcriptId);
        return answered.isEmpty()
                ? whole
                : whole.startingAt(answered.getLast().end(), answered.getLast().index() + 1);
    }

    private static ChunkPlan smallerFrom(ChunkPlan plan, Chunk chunk, Exception tooLarge) throws JobFailure {
        ChunkPlan from = plan.startingAt(chunk.start(), chunk.index());
        if (!from.canBeSmaller()) {
            throw JobFailure.permanent(
                    "chunk " + chunk.index() + " is still too large for the transcription API at "
                            + Math.round(from.limits().maxSeconds()) + " s: " + tooLarge.getMessage(),
                    tooLarge);
        }
        return from.smaller();
    }

    /** One chunk: cut, reserved, sent, and kept with its cost in one transaction. */
    private void send(long transcriptId, PreparedAudio audio, Chunk chunk, Path workDir) throws Exception {
        Path file = chunks.cut(audio, chunk, workDir);
        try {
            DailyBudget.Answered<TranscribedChunk> answered = budget.pay(
                    new PaidCall(
                            PaidCallKind.transcription,
                            transcriptId,
                            settings.model(),
                            URI.create(settings.baseUrl()).getHost(),
                            Usage.audioCost(chunk.durationSeconds(), settings.pricePerMinute())),
                    () -> api.transcribe(file, settings.language()));
            keep(transcriptId, chunk, answered.answer(), answered.reservation());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void keep(long transcriptId, Chunk chunk, TranscribedChunk answer, DailyBudget.Reservation reservation) {
        List<Segment> segments = answer.text().segments().stream()
                .map(segment -> withinChunk(segment.shifted(chunk.start()), chunk))
                .toList();
        double seconds = answer.audioSeconds() > 0 ? answer.audioSeconds() : chunk.durationSeconds();
        Usage usage = Usage.ofAudio(seconds, settings.pricePerMinute());
        var kept = new TranscriptChunks.Answered(
                chunk.index(), chunk.start(), chunk.end(), answer.text().language(), segments);
        dsl.transaction(configuration -> {
            budget.settle(configuration.dsl(), reservation, usage);
            TranscriptChunks.save(configuration.dsl(), transcriptId, kept);
        });
    }

    /** An API may round a segment past the chunk's end: clamped, so times stay in order across chunks. */
    private static Segment withinChunk(Segment segment, Chunk chunk) {
        double start = Math.min(Math.max(segment.start(), chunk.start()), chunk.end());
        double end = Math.min(Math.max(segment.end(), start), chunk.end());
        return new Segment(start, end, segment.text().strip());
    }

    /** Every chunk's segments in order; the language most chunks were heard in. */
    private TimedText stitched(long transcriptId) {
        List<TranscriptChunks.Answered> answered = TranscriptChunks.answered(dsl, transcriptId);
        List<Segment> segments = answered.stream()
                .flatMap(chunk -> chunk.segments().stream())
                .filter(segment -> !segment.text().isBlank())
                .toList();
        Optional<String> language = answered.stream()
                .flatMap(chunk -> chunk.language().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .or(settings::language);
        return new TimedText(segments, language);
    }

    private BigDecimal cost(long transcriptId) {
        BigDecimal cost = dsl.select(DSL.sum(PAID_CALLS.COST_USD))
                .from(PAID_CALLS)
                .where(PAID_CALLS.TRANSCRIPT_ID.eq(transcriptId), PAID_CALLS.KIND.eq(PaidCallKind.transcription))
                .fetchOne(0, BigDecimal.class);
        return cost == null ? BigDecimal.ZERO : cost;
    }
}
